// The preview as Maven runs it: nothing written by run 1 but the SQL file; run 3 lists the reverts newest first.
evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
assert log.contains('[INFO] Would deploy 2 changes (preview: nothing is written to the database)')
assert log.contains('[INFO] -- Change: app_users\n')
def sql = new File(basedir, 'target/preview.sql').text
assert sql.startsWith('-- Change: app_users\n-- Script: deploy/app_users.sql\n')
assert sql.contains('-- Change: app_items @v1\n-- Script: deploy/app_items.sql\n')
assert !log.contains('Deployed 0 changes')
assert log.contains('[INFO] Would revert 2 changes')
def reverts = log.substring(log.indexOf('Would revert'))
assert reverts.indexOf('-- Change: app_items @v1') < reverts.indexOf('-- Change: app_users')
assert !log.contains('BUILD FAILURE')
