// The JSON documents parse and carry the data status, log and plan print.
import groovy.json.JsonSlurper

evaluate(new File(itLib, 'ItSupport.groovy'))
def json(String name) { new JsonSlurper().parse(new File(basedir, 'target/' + name), 'UTF-8') }

def plan = json('plan.json')
assert plan.project == 'app'
assert plan.file == 'sqitch.plan'
assert plan.changes*.name == ['app_users', 'app_items']
assert plan.changes[0].id ==~ /[0-9a-f]{40}/
assert plan.changes[1].tags == ['@v1']
assert plan.changes[1].requires == ['app_users']
assert plan.changes[1].conflicts == []
assert plan.changes[1].planner == [name: 'Tester', email: 'tester@example.com']
assert plan.changes[1].plannedAt == '2026-01-01T00:00:00Z'
assert plan.changes[1].note == 'Adds app_items.'
assert plan.changes[1].operation == 'deploy'

def empty = json('empty-status.json')
assert empty.project == 'app' && empty.change == null
assert empty.undeployed*.name == ['app_users', 'app_items']

def status = json('status.json')
assert status.target == 'db:sqlite:json.db'
assert status.project == 'app'
assert status.change.name == 'app_users'
assert status.change.id == plan.changes[0].id
assert status.change.tags == []
assert status.change.committer == [name: 'Tester', email: 'tester@example.com']
assert status.change.deployedAt ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/
assert status.undeployed == [[id: plan.changes[1].id, name: 'app_items', tags: ['@v1']]]

def log = json('log.json')
assert log.target == 'db:sqlite:json.db'
assert log.events.size() == 1
def e = log.events[0]
assert e.event == 'deploy' && e.project == 'app' && e.change == 'app_users' && e.changeId == plan.changes[0].id
assert e.note == 'Adds app_users.' && e.tags == [] && e.requires == [] && e.conflicts == []
assert e.committer.email == 'tester@example.com' && e.planner.name == 'Tester'
assert e.plannedAt == '2026-01-01T00:00:00Z' && e.committedAt == status.change.deployedAt

def text = buildLog()
assert text.contains('[INFO] No changes deployed')
