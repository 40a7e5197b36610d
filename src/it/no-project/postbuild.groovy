def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Failed to execute goal .*:status .*: No project configuration found. Run the "init" command to initialize a project -> /
assert !log.contains('Skipping sqlitch:status')
