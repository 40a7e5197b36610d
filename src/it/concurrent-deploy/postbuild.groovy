// Both modules deployed to the shared database; the registry holds both projects' changes and no failure.
evaluate(new File(itLib, 'ItSupport.groovy'))
assert rows('shared.db', "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") ==
        ['alpha_items', 'alpha_users', 'beta_items', 'beta_users']
assert rows('sqitch.db', 'SELECT project || \':\' || change FROM changes ORDER BY project, change') ==
        ['alpha:alpha_items', 'alpha:alpha_users', 'beta:beta_items', 'beta:beta_users']
assert rows('sqitch.db', "SELECT count(*) FROM events WHERE event = 'fail'") == ['0']
def log = buildLog()
assert log.contains('Using the MultiThreadedBuilder') || log.contains('2 threads')
assert log.contains('BUILD SUCCESS')
