evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
// --mode all: every change this run deployed is reverted; the failure is logged as a fail event.
assert log.contains('no such table: nosuchtable')
assert log.contains('[ERROR] Reverting all changes')
assert log =~ /\[ERROR\] Failed to execute goal .*sqlitch-maven-plugin.*:deploy .*: Deploy failed/
assert rows('sqitch.db', 'SELECT change FROM changes') == []
assert rows('sqitch.db', "SELECT event || ' ' || change FROM events ORDER BY committed_at") ==
        ['deploy app_users', 'deploy app_items', 'deploy app_extra', 'fail app_widgets',
         'revert app_extra', 'revert app_items', 'revert app_users']
assert rows('fail.db', "SELECT name FROM sqlite_master WHERE type = 'table'") == []
