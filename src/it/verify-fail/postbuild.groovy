def rows(String file, String sql) {
    def c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + new File(basedir, file), new Properties())
    try {
        def rs = c.createStatement().executeQuery(sql)
        def out = []
        while (rs.next()) out << rs.getString(1)
        return out
    } finally {
        c.close()
    }
}
def log = new File(basedir, "build.log").getText("UTF-8")
// The verify failure names the script; nothing stays deployed (mode all).
assert log.contains('no such column: nosuchcolumn')
assert log.contains('[ERROR] Verify script "verify/app_items.sql" failed.')
assert log.contains('[ERROR] Reverting all changes')
assert log =~ /\[ERROR\] Failed to execute goal .*:deploy .*: Deploy failed/
assert rows('sqitch.db', 'SELECT change FROM changes') == []
assert rows('sqitch.db', "SELECT event || ' ' || change FROM events ORDER BY committed_at") ==
        ['deploy app_users', 'fail app_items', 'revert app_users']
