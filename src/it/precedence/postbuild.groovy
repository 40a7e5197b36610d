// Which database each invocation deployed to, and how far, shows which source won.
evaluate(new File(itLib, 'ItSupport.groovy'))
assert tables('conf/conf.db') == null            // sqitch.conf lost to SQITCH_TARGET
assert tables('env/env.db') == ['app_items', 'app_users']
assert tables('pom/pom.db') == ['app_users']     // the pom beat SQITCH_TARGET, its toChange applied
assert tables('cli/cli.db') == ['app_items', 'app_users'] // -D beat the pom's target and toChange
def log = buildLog()
assert log.contains('[INFO] Deploying changes through app_users to db:sqlite:pom/pom.db')
assert log.contains('[INFO] Deploying changes to db:sqlite:env/env.db')
