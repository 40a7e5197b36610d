// init writes Sqitch's exact sqitch.conf and plan; config writes tab-indented keys in Sqitch's places.
evaluate(new File(itLib, 'ItSupport.groovy'))
def conf = new File(basedir, 'sqitch.conf').getText('UTF-8')
assert conf == '[core]\n\tengine = sqlite\n\t# plan_file = sqitch.plan\n\t# top_dir = .\n' +
        '# [engine "sqlite"]\n\t# target = db:sqlite:\n\t# registry = sqitch\n\t# client = sqlite3\n' +
        '[deploy]\n\tverify = true\n'
def plan = new File(basedir, 'sqitch.plan').getText('UTF-8')
assert plan == '%syntax-version=1.0.0\n%project=flipr\n%uri=https://github.com/sqitchers/sqitch-sqlite-intro/\n\n'
['deploy', 'revert', 'verify'].each { assert new File(basedir, it).isDirectory() }
assert new File(basedir, 'user.conf').getText('UTF-8') == '[user]\n\temail = marge@example.com\n'
def log = buildLog()
assert log.contains('[INFO] Created sqitch.conf\n')
assert log.contains('[INFO] Created verify/\n')
assert log.contains('[INFO] sqlite\n')
