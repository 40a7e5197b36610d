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
// The failure names -Dsqlitch.yes; the registry still has both changes and no revert event.
assert log.contains('Revert all changes from db:sqlite:app.db? [Yes]')
assert log.contains('confirm with -Dsqlitch.yes')
assert rows('sqitch.db', 'SELECT change FROM changes ORDER BY committed_at') == ['app_users', 'app_items']
assert rows('sqitch.db', "SELECT count(*) FROM events WHERE event = 'revert'") == ['0']
