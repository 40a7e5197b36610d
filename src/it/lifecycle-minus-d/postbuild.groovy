// Which database each invocation deployed to, and how far, shows which value won.
evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
// 1: the bound execution kept its pom target and took -Dsqlitch.toChange.
assert log.contains('[INFO] Deploying changes through app_users to db:sqlite:pom/pom.db')
assert tables('pom/pom.db') == ['app_users']
// 2: on the command line, -Dsqlitch.target beat the same execution's configuration.
assert log.contains('[INFO] Deploying changes to db:sqlite:cli/cli.db')
assert tables('cli/cli.db') == ['app_items', 'app_users']
