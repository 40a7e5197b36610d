// A module without sqitch.plan skips with one INFO line; sqlitch.skip skips all goals, sqlitch.deploy.skip one.
evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
def nodb = new File(basedir, 'nodb').canonicalFile
assert log.contains("[INFO] Skipping sqlitch:deploy: no sqitch.plan in ${nodb}\n")
assert log.count("no sqitch.plan in ${nodb}\n") == 2  // deploy in run 1, status in run 3 (run 2 skips first)
assert log.contains('[INFO] Deploying changes to db:sqlite:first.db')
assert new File(basedir, 'app/first.db').exists()
assert !new File(basedir, 'nodb/first.db').exists()
assert !new File(basedir, 'app/skipped.db').exists()
assert log.contains('[INFO] Skipping sqlitch:status (sqlitch.skip or sqlitch.status.skip is set)')
assert log.contains('[INFO] Skipping sqlitch:deploy (sqlitch.skip or sqlitch.deploy.skip is set)')
assert log.contains('[INFO] Nothing to deploy (up-to-date)')
assert !log.contains('BUILD FAILURE')
