evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
// The verify failure names the script; nothing stays deployed (mode all).
assert log.contains('no such column: nosuchcolumn')
assert log.contains('[ERROR] Verify script "verify/app_items.sql" failed.')
assert log.contains('[ERROR] Reverting all changes')
assert log =~ /\[ERROR\] Failed to execute goal .*:deploy .*: Deploy failed/
assert rows('sqitch.db', 'SELECT change FROM changes') == []
assert rows('sqitch.db', "SELECT event || ' ' || change FROM events ORDER BY committed_at") ==
        ['deploy app_users', 'fail app_items', 'revert app_users']
