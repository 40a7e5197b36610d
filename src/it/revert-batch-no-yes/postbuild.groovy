evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
// The failure names -Dsqlitch.yes; the registry still has both changes and no revert event.
assert log.contains('Revert all changes from db:sqlite:app.db? [Yes]')
assert log.contains('confirm with -Dsqlitch.yes')
assert rows('sqitch.db', 'SELECT change FROM changes ORDER BY committed_at') == ['app_users', 'app_items']
assert rows('sqitch.db', "SELECT count(*) FROM events WHERE event = 'revert'") == ['0']
