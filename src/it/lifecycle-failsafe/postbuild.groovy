// The deploy execution ran before failsafe, and failsafe ran (and passed) the integration test.
def log = new File(basedir, 'build.log').getText('UTF-8')
def deploy = log.indexOf('sqlitch-maven-plugin:')
def failsafe = log.indexOf('maven-failsafe-plugin:3.5.6:integration-test')
assert deploy >= 0 && failsafe > deploy
assert log.contains('[INFO]   + app_users ...... ok\n[INFO]   + app_items @v1 .. ok\n')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/failsafe-reports').isDirectory()
