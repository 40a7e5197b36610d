evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()

assert log =~ /Failed to execute goal .*:deploy .*: Plan file sqitch.pln does not exist/
assert !log.contains('Skipping sqlitch:deploy')
assert log =~ /Failed to execute goal .*: Invalid value for sqlitch.verify: "yes" is not true or false/
assert log.contains('[WARNING] Unknown property sqlitch.tagret is ignored; did you mean sqlitch.target?')
assert log =~ /Failed to execute goal .*:check .*: Failed one check/
assert log =~ /Failed to execute goal .*:show .*: change "nosuch" does not exist/
assert log =~ /Failed to execute goal .*:deploy .*: Deploy failed: app_items@v1 \(deploy\/app_items.sql line 5\) on db:sqlite:alt\/fail.db: no such table: nosuchtable -> /
assert log.contains('Caused by: io.sqlitch.SqitchException: Deploy failed\n')
assert log.contains(': Value "everything" did not pass type constraint "Enum[all,change,tag]" (in $args->{"mode"})\n'
        + '[ERROR]     "Enum[all,change,tag]" requires that the value is equal to "all", "change", or "tag"\n[ERROR] -> [Help 1]')
assert !log.contains('.pm line') && !log.contains('/usr/share/perl5')

assert log =~ /Failed to execute goal .*:config .*: Error parsing sqitch.conf at line 6: invalid UTF-8 byte <FF>/
assert log =~ /Failed to execute goal .*:status .*: Error parsing .*sqitch.conf at line 6: invalid UTF-8 byte <FF>/
assert new File(basedir, 'badconf/sqitch.conf').bytes == new File(basedir, 'badconf/sqitch.conf.orig').bytes
