// Which database each invocation deployed to, and how far, shows which source won.
evaluate(new File(itLib, 'ItSupport.groovy'))
def changes(String name) {
    new File(basedir, name).exists() ? rows(name, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") : null
}
assert changes('conf/conf.db') == null            // sqitch.conf lost to SQITCH_TARGET
assert changes('env/env.db') == ['app_items', 'app_users']
assert changes('pom/pom.db') == ['app_users']     // the pom beat SQITCH_TARGET, its toChange applied
assert changes('cli/cli.db') == ['app_items', 'app_users'] // -D beat the pom's target and toChange
def log = buildLog()
assert log.contains('[INFO] Deploying changes through app_users to db:sqlite:pom/pom.db')
assert log.contains('[INFO] Deploying changes to db:sqlite:env/env.db')
