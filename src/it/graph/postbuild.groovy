// The graph files hold the plan's six changes; with a target, four are deployed; the site page has the report.
evaluate(new File(itLib, 'ItSupport.groovy'))
def read(String path) { new File(basedir, path).getText('UTF-8') }

def svg = new groovy.xml.XmlSlurper().parseText(read('target/sqlitch/plan.svg'))
def boxes = svg.'**'.findAll { it.name() == 'g' && it.@class.text().startsWith('node ') && it.@id.text() }
assert boxes*.@id*.text() == (0..5).collect { "change-$it" }
assert boxes.every { it.@class.text().contains('unknown') }
assert read('target/sqlitch/plan.svg').contains('No target given: deployment status not shown')
assert read('target/sqlitch/plan.dot').startsWith('digraph "flipr" {')
assert read('target/sqlitch/plan.dot').contains('c0 -> c1 [tooltip="users"];')
assert read('target/sqlitch/plan.mmd').startsWith('flowchart TB\n')
assert read('target/sqlitch/plan.mmd').contains('c2 -. rework .-> c5')

def status = read('target/status/plan.svg')
assert status.contains('db:sqlite:graph.db: 4 deployed, 2 pending')
assert status.count('class="node deployed') == 4 + 2 // four changes, two legend samples
assert !new File(basedir, 'target/status/plan.dot').exists()
assert read('target/status/plan.html').contains('<h3>Pending changes</h3>')

def log = buildLog()
assert log.contains('[INFO] Wrote ' + new File(basedir, 'target/sqlitch/plan.svg').path)

def page = read('target/site/sqlitch.html')
assert page.contains('Sqitch plan of flipr')
assert page.contains('<th>Change</th><td>lists</td>')
assert page.contains('4 deployed, 2 pending, 6 in the plan')
assert page.contains('<code>hashtags</code> <span class="tag">@v1.0.0-dev2</span>')
assert page.contains('<svg xmlns="http://www.w3.org/2000/svg"')
return true
