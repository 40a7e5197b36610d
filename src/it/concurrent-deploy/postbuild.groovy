// Both modules deployed to the shared database; the registry holds both projects' changes and no failure.
def rows(String sql) {
    def c = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, sql.startsWith('SELECT name FROM sqlite_master') ? 'shared.db' : 'sqitch.db'), new Properties())
    try {
        def rs = c.createStatement().executeQuery(sql)
        def out = []
        while (rs.next()) out << rs.getString(1)
        return out
    } finally {
        c.close()
    }
}
assert rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") ==
        ['alpha_items', 'alpha_users', 'beta_items', 'beta_users']
assert rows('SELECT project || \':\' || change FROM changes ORDER BY project, change') ==
        ['alpha:alpha_items', 'alpha:alpha_users', 'beta:beta_items', 'beta:beta_users']
assert rows("SELECT count(*) FROM events WHERE event = 'fail'") == ['0']
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Using the MultiThreadedBuilder') || log.contains('2 threads')
assert log.contains('BUILD SUCCESS')
