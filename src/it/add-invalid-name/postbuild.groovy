evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
// Sqitch's message; the plan is untouched and no scripts were written; no registry was created.
assert log.contains('"bad@name" is invalid: changes must not begin with punctuation, contain "@", ":", ')
assert log =~ /\[ERROR\] Failed to execute goal .*:add /
assert !new File(basedir, 'sqitch.plan').getText('UTF-8').contains('bad')
assert !new File(basedir, 'deploy/bad@name.sql').exists()
assert !new File(basedir, 'sqitch.db').exists()
