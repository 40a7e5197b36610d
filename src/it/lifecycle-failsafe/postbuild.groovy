// The deploy execution ran before failsafe, and failsafe ran (and passed) the integration test.
evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
// Maven 3.8 names a mojo by artifactId (`maven-failsafe-plugin:3.5.6:…`), Maven 3.9 by prefix (`failsafe:3.5.6:…`).
def position = { String regex -> def m = log =~ regex; m.find() ? m.start() : -1 }
def deploy = position(/(sqlitch-maven-plugin|sqlitch):[^:]+:deploy/)
def failsafe = position(/(maven-failsafe-plugin|failsafe):3\.5\.6:integration-test/)
assert deploy >= 0 && failsafe > deploy
assert log.contains('[INFO]   + app_users ...... ok\n[INFO]   + app_items @v1 .. ok\n')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/failsafe-reports').isDirectory()
