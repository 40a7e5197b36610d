// sqlitch:help -Ddetail -Dgoal=init describes the goal and its parameters with their properties.
def log = new File(basedir, 'build.log').text
assert log.contains('sqlitch:init')
assert log.contains('User property: sqlitch.project')
assert log.contains('User property: sqlitch.uri')
assert log.contains('BUILD SUCCESS')
