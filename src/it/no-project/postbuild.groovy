evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
assert log =~ /Failed to execute goal .*:status .*: No project configuration found. Run the "init" command to initialize a project -> /
assert !log.contains('Skipping sqlitch:status')
