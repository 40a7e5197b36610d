evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
// --mode tag: reverted to the last tag deployed in this run (@v1); changes up to it stay.
assert log.contains('no such table: nosuchtable')
assert log.contains('[ERROR] Reverting to app_items @v1')
assert log =~ /\[ERROR\] Failed to execute goal .*sqlitch-maven-plugin.*:deploy .*: Deploy failed/
assert rows('sqitch.db', 'SELECT change FROM changes ORDER BY committed_at') == ['app_users', 'app_items']
assert rows('sqitch.db', "SELECT event || ' ' || change FROM events ORDER BY committed_at") ==
        ['deploy app_users', 'deploy app_items', 'deploy app_extra', 'fail app_widgets', 'revert app_extra']
assert rows('fail.db', "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") ==
        ['app_items', 'app_users']
