// Which database each invocation deployed to, and how far, shows which source won.
def changes(String name) {
    def db = new File(basedir, name)
    if (!db.exists()) return null
    def c = new org.sqlite.JDBC().connect('jdbc:sqlite:' + db, new Properties())
    try {
        def rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        def rows = []
        while (rs.next()) rows << rs.getString(1)
        return rows
    } finally {
        c.close()
    }
}
assert changes('conf/conf.db') == null            // sqitch.conf lost to SQITCH_TARGET
assert changes('env/env.db') == ['app_items', 'app_users']
assert changes('pom/pom.db') == ['app_users']     // the pom beat SQITCH_TARGET, its toChange applied
assert changes('cli/cli.db') == ['app_items', 'app_users'] // -D beat the pom's target and toChange
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Deploying changes through app_users to db:sqlite:pom/pom.db')
assert log.contains('[INFO] Deploying changes to db:sqlite:env/env.db')
