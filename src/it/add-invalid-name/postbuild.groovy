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
// Sqitch's message; the plan is untouched and no scripts were written; no registry was created.
assert log.contains('"bad@name" is invalid: changes must not begin with punctuation, contain "@", ":", ')
assert log =~ /\[ERROR\] Failed to execute goal .*:add /
assert !new File(basedir, 'sqitch.plan').getText('UTF-8').contains('bad')
assert !new File(basedir, 'deploy/bad@name.sql').exists()
assert !new File(basedir, 'sqitch.db').exists()
