// Which database each invocation deployed to, and how far, shows which value won.
def tables(String name) {
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
def log = new File(basedir, 'build.log').getText('UTF-8')
// 1: the bound execution kept its pom target and took -Dsqlitch.toChange.
assert log.contains('[INFO] Deploying changes through app_users to db:sqlite:pom/pom.db')
assert tables('pom/pom.db') == ['app_users']
// 2: on the command line, -Dsqlitch.target beat the same execution's configuration.
assert log.contains('[INFO] Deploying changes to db:sqlite:cli/cli.db')
assert tables('cli/cli.db') == ['app_items', 'app_users']
