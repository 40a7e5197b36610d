evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
// --mode change: only the failing change is rolled back; everything before it stays deployed.
assert log.contains('no such table: nosuchtable')
assert !log.contains('Reverting')
assert log.contains('[INFO]   + app_widgets .... not ok')
// As in Sqitch, --mode change just stops: the client's failure is the message, with no "Deploy failed".
assert log =~ /\[ERROR\] Failed to execute goal .*:deploy .*: "sqlite3" unexpectedly returned exit value 1/
assert rows('sqitch.db', 'SELECT change FROM changes ORDER BY committed_at') == ['app_users', 'app_items', 'app_extra']
assert rows('sqitch.db', "SELECT event || ' ' || change FROM events ORDER BY committed_at") ==
        ['deploy app_users', 'deploy app_items', 'deploy app_extra', 'fail app_widgets']
assert rows('fail.db', "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") ==
        ['app_extra', 'app_items', 'app_users']
