// What the two tutorial ITs (tutorial: SQLite, pg-tutorial: PostgreSQL) share: replaying a recorded Sqitch
// transcript (NNN-slug.{cmd,cwd,out,err,rc}) step by step, a `sqitch ...` step as one Maven invocation of the plugin
// and every other step with bash as recorded, then comparing each step's normalised stdout/stderr/exit status.
// A postbuild script loads it (and SqitchCommandLine.groovy beside it, which it uses) with ItSupport.groovy's
//     Class TutorialReplay = tutorialReplay()
// and builds one instance with the IT's own parts: its normaliser, DELIBERATE and KNOWN_GAPS maps, environment.
//
// A Maven step's stdout is the [INFO] text its goal printed (between the `--- sqlitch-maven-plugin:...` header and
// Maven's footer); its stderr the goal's [WARNING]/[ERROR] lines plus, on BUILD FAILURE, the failure message.
// Exit 0 or 1 must be BUILD SUCCESS, exit 2 BUILD FAILURE.

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

class TutorialReplay {
    String name                 // the IT's name, prefix of its console lines and of <name>-report.txt
    File base                   // the IT directory (its pom runs every Maven step)
    Path transcript             // the recorded steps
    Path work                   // where the steps run (each .cwd is relative to it)
    Map<String, String> env     // every step's whole environment
    String mvn
    File settings
    String repo
    boolean selfCheck           // run the sqitch steps with real Sqitch: proves the harness, not the plugin
    Map<String, List> deliberate = [:]   // step -> [reason, closure rewriting expected stdout, optionally stderr]
    Map<String, String> knownGaps = [:]  // step (or 'final') -> reason
    Closure<String> normalize   // (text, step number or 'final') -> text, applied to both sides
    Closure<String> skip = { String cmd -> null }   // cmd -> why this step cannot run here, or null

    int matched
    int total
    List<String> failures = []
    List<String> report = []
    List<String> stale = []
    long started

    /** Each reason covers the space-separated steps of its value: ['reason': '021 024'] -> ['021': 'reason', ...]. */
    static Map<String, String> byStep(Map<String, String> reasons) {
        reasons.collectEntries { String reason, String steps -> steps.split(' ').collectEntries { [(it): reason] } }
    }

    /** The first resolution of the plugin's dependencies may log download warnings inside a goal's section. */
    void warmUp() {
        run([mvn, '-B', '-ntp', '-s', settings.path, "-Dmaven.repo.local=$repo".toString(), '-f',
             new File(base, 'pom.xml').path, 'sqlitch:help'], base, env)
    }

    void replaySteps() {
        if (selfCheck) { knownGaps = [:]; println "[$name] self-check: sqitch steps run with real Sqitch" }
        List<String> steps = transcript.toFile().list().findAll { it.endsWith('.cmd') }.collect { it - '.cmd' }.sort()
        total = steps.size()
        started = System.currentTimeMillis()
        for (String step : steps) { replay(step) }
    }

    void replay(String step) {
        String num = step.substring(0, 3)
        String cmd = read(transcript.resolve(step + '.cmd'))
        cmd = cmd.endsWith('\n') ? cmd.substring(0, cmd.length() - 1) : cmd
        String cwd = read(transcript.resolve(step + '.cwd')).trim()
        Path dir = cwd == '.' ? work : work.resolve(cwd)
        Map expected = [out: read(transcript.resolve(step + '.out')), err: read(transcript.resolve(step + '.err')),
                        rc: read(transcript.resolve(step + '.rc')).trim() as int]
        Map actual
        String how
        if (!Files.isDirectory(dir)) {
            // An earlier step that should have created it differed; report this step as differing too.
            how = '(not run)'
            actual = [out: '', err: "cannot run: directory $cwd does not exist\n".toString(), rc: -1]
        } else if (cmd.startsWith('sqitch ') && selfCheck) {
            how = 'real sqitch (self-check)'
            actual = runScript(cmd, dir.toFile(), env)
        } else if (cmd.startsWith('sqitch ')) {
            List<String> args = SqitchCommandLine.translate(SqitchCommandLine.shellWords(cmd))
            // Not -o: the IT settings serve the build's local repository as a file: remote, which offline mode refuses.
            List<String> line = [mvn, '-B', '-ntp', '-Dstyle.color=never', '-s', settings.path,
                                 "-Dmaven.repo.local=$repo".toString(), '-f', new File(base, 'pom.xml').path] + args +
                                ["-Dsqlitch.chdir=${base.toPath().relativize(dir)}".toString()]
            how = 'mvn -B ' + args.collect { it.contains(' ') ? "'$it'" : it }.join(' ') + ' ' + line.last()
            actual = mavenStep(line, base, env, expected.rc as int)
        } else {
            String skipped = skip(cmd)
            if (skipped) {
                report << "$step: skipped ($skipped)".toString()
                return
            }
            how = 'bash'
            actual = runScript(cmd, dir.toFile(), env)
        }
        List rewrite = selfCheck ? null : deliberate[num]
        if (rewrite) { expected.out = rewrite[1](expected.out) }
        if (rewrite && rewrite.size() > 2) { expected.err = rewrite[2](expected.err) }
        String diff = compare(expected, actual, num)
        if (diff == null) {
            matched++
            if (knownGaps[num]) { stale << "$step (gap: ${knownGaps[num]})".toString() }
        } else {
            report << "=== $step [$cwd] $cmd\n    as: $how\n$diff".toString()
            if (!knownGaps[num]) { failures << step }
        }
    }

    /** Records a comparison of the final state (files, registry rows, ...) under key, e.g. 'final'. */
    void finalDiffs(String key, String title, List<String> diffs) {
        if (diffs) {
            report << "=== $title\n".toString() + diffs.join('\n')
            if (!knownGaps[key]) { failures << key }
        } else if (knownGaps[key]) {
            stale << key
        }
    }

    /** Prints and writes the report; fails on any difference outside knownGaps. */
    void finish(String finalState) {
        String summary = "[$name] ${matched}/${total} steps match Sqitch; $finalState; " +
                "${failures.size()} unexpected difference(s); ${knownGaps.size()} known gap(s); " +
                "${(System.currentTimeMillis() - started).intdiv(1000)} s"
        if (stale) { report << "Stale KNOWN_GAPS (these now match; remove them):\n  " + stale.join('\n  ') }
        report << summary
        File file = new File(base, "$name-report.txt")
        file.setText(report.join('\n') + '\n', 'UTF-8')
        println report.join('\n')
        if (failures) {
            throw new AssertionError("Tutorial steps differ from Sqitch beyond KNOWN_GAPS: ${failures.join(', ')} " +
                    "(see $file)".toString())
        }
    }

    /** null when equal, else a readable diff of stdout, stderr and the exit status. */
    String compare(Map expected, Map actual, String num) {
        List<String> parts = []
        String eo = normalize(expected.out as String, num), ao = normalize(actual.out as String, num)
        if (eo != ao) parts << '  stdout:\n' + diff(eo, ao)
        // Trailing blank lines on stderr are not compared: Maven's failure message cannot end in one.
        String ee = normalize(expected.err as String, num).replaceAll('\\n+$', '')
        String ae = normalize(actual.err as String, num).replaceAll('\\n+$', '')
        if (ee != ae) parts << '  stderr:\n' + diff(ee, ae)
        if (actual.unprefixed) {
            parts << "  format: ${actual.unprefixed} goal output line(s) without a [INFO]/[WARNING]/[ERROR] prefix: one log call printed several lines (maven-interface rule 7: one Maven line per Sqitch line)".toString()
        }
        if (expected.rc != actual.rc) parts << "  exit: expected ${expected.rc}, got ${actual.rc}".toString()
        return parts ? parts.join('\n') : null
    }

    /**
     * The files of expectedRoot/<top> against work/<top> for each top, but those unchecked names on the oracle's
     * side; convert as in files().
     */
    List<String> diffFinal(Path expectedRoot, List<String> tops, Closure<Map> convert = null,
                           Closure<Boolean> unchecked = { String name -> false }) {
        tops.collectMany { String top ->
            Map<String, String> expected = files(expectedRoot.resolve(top), true)
            expected.keySet().removeIf { unchecked(it) }
            Map<String, String> actual = files(work.resolve(top), false, convert)
            // The plugin's cache of sqlite-jdbc's native library (~/.cache/sqlitch): no Sqitch file, nothing to compare.
            if (top == 'home') { actual.keySet().removeIf { it.startsWith('.cache/sqlitch/') } }
            diffFiles(top, expected, actual)
        }
    }

    /** Compares two path -> text maps (normalised as 'final'): `missing`, `extra` and `differs` lines. */
    List<String> diffFiles(String top, Map<String, String> expected, Map<String, String> actual) {
        List<String> diffs = []
        (expected.keySet() + actual.keySet()).sort().each { String f ->
            if (!actual.containsKey(f)) diffs << "  missing: $top/$f".toString()
            else if (!expected.containsKey(f)) diffs << "  extra:   $top/$f".toString()
            else {
                String e = normalize(expected[f], 'final'), a = normalize(actual[f], 'final')
                if (e != a) diffs << "  differs: $top/$f\n".toString() + diff(e, a)
            }
        }
        return diffs
    }

    // -----------------------------------------------------------------------------------------------------------
    // Environment and files.

    /** A fresh base/work with work/home (the steps' HOME) and work/etc (where the system config would be). */
    static Path freshWork(File base) {
        Path work = base.toPath().resolve('work')
        if (Files.exists(work)) { work.toFile().deleteDir() }
        Files.createDirectories(work.resolve('home'))
        Files.createDirectories(work.resolve('etc'))
        return work
    }

    /**
     * The recordings' hermetic environment: ours without SQITCH_*, pager, Maven's own arguments or what drop
     * names; HOME and both Sqitch configs inside work, UTC, C.UTF-8, EDITOR=true; plus extra.
     */
    static Map<String, String> hermeticEnv(Path work, Closure<Boolean> drop, Map<String, String> extra) {
        Path home = work.resolve('home')
        Map<String, String> env = new TreeMap<>(System.getenv())
        env.keySet().removeIf { it.startsWith('SQITCH_') || it in ['PAGER', 'VISUAL', 'LANGUAGE', 'MAVEN_ARGS', 'MAVEN_CONFIG'] || drop(it) }
        env.putAll([HOME: home.toString(), SQITCH_USER_CONFIG: home.resolve('.sqitch/sqitch.conf').toString(),
                    SQITCH_SYSTEM_CONFIG: work.resolve('etc/sqitch.conf').toString(), TZ: 'UTC', LANG: 'C.UTF-8',
                    LC_ALL: 'C.UTF-8', EDITOR: 'true',
                    // Short-lived JVMs: C1 only starts Maven faster; user.home keeps ~/.m2 and Java's home hermetic.
                    MAVEN_OPTS: "-XX:TieredStopAtLevel=1 -Duser.home=$home -Dfile.encoding=UTF-8".toString()])
        env.putAll(extra)
        return env
    }

    /**
     * Relative path -> UTF-8 text of every regular file under root but *.tgz. The oracle side stores dotfiles as
     * DOT.* (the invoker's clone drops .gitignore/.gitattributes, and a .gitignore would act on this repository);
     * convert(path, name) may turn a file of our side into other entries (a map, possibly empty) or return null.
     */
    static Map<String, String> files(Path root, boolean oracle, Closure<Map> convert = null) {
        Map<String, String> files = new TreeMap<>()
        if (!Files.isDirectory(root)) return files
        Files.walk(root).filter { Files.isRegularFile(it) && !it.fileName.toString().endsWith('.tgz') }.each { Path p ->
            String name = root.relativize(p).toString()
            if (oracle) name = name.replaceAll('(^|/)DOT\\.', '$1.')
            Map converted = oracle || convert == null ? null : convert(p, name)
            if (converted != null) files.putAll(converted)
            else files[name] = new String(Files.readAllBytes(p), StandardCharsets.UTF_8)
        }
        return files
    }

    /** text with our work directory as <WORK>, then each [regex, replacement] of rules applied in order. */
    static String mask(String text, Path work, List<List<String>> rules) {
        rules.inject(text.replace(work.toString(), '<WORK>')) { String s, List<String> rule -> s.replaceAll(rule[0], rule[1]) }
    }

    static String read(Path p) { Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : '' }

    static boolean onPath(String exe) {
        (System.getenv('PATH') ?: '').split(File.pathSeparator).any { new File(it, exe).canExecute() }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Running steps.

    /**
     * Runs a bash script in dir. The script goes through a UTF-8 file, not the command line: a JVM in the POSIX
     * locale would encode arguments such as "Marge N. O’Vera" as ASCII.
     */
    static Map runScript(String script, File dir, Map<String, String> env) {
        File file = File.createTempFile('step', '.sh')
        file.setText(script + '\n', 'UTF-8')
        ProcessBuilder pb = new ProcessBuilder('bash', file.path).directory(dir)
                .redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
        pb.environment().clear()
        pb.environment().putAll(env)
        File out = File.createTempFile('step', '.out')
        File err = File.createTempFile('step', '.err')
        pb.redirectOutput(out).redirectError(err)
        Process p = pb.start()
        if (!p.waitFor(300, TimeUnit.SECONDS)) { p.destroyForcibly(); throw new IllegalStateException("Timed out: $script") }
        Map result = [out: out.getText('UTF-8'), err: err.getText('UTF-8'), rc: p.exitValue()]
        [file, out, err]*.delete()
        return result
    }

    /** Runs one command (no shell interpretation of its words). */
    static Map run(List<String> command, File dir, Map<String, String> env) {
        runScript('exec ' + command.collect { "'" + it.replace("'", "'\\''") + "'" }.join(' '), dir, env)
    }

    /** One Maven invocation, read back as Sqitch's stdout/stderr/exit status. */
    static Map mavenStep(List<String> command, File dir, Map<String, String> env, int expectedRc) {
        Map r = run(command, dir, env)
        List<String> lines = (r.out as String).split('\n', -1).toList()
        List<String> out = []
        List<String> err = []
        boolean inGoal = false
        boolean success = false
        boolean failure = false
        List<String> current = out   // the stream of the last prefixed line, which an unprefixed line continues
        int unprefixed = 0
        for (int i = 0; i < lines.size(); i++) {
            String l = lines[i]
            if (l ==~ /\[INFO\] --- [^ ]*sqlitch[^ ]*:[^ ]+ .*---/) { inGoal = true; continue }
            if (l.startsWith('[INFO] ------------------------------------------------------------------------')
                    || l.startsWith('[INFO] BUILD ')) { inGoal = false }
            if (l == '[INFO] BUILD SUCCESS') success = true
            if (l == '[INFO] BUILD FAILURE') failure = true
            // Maven 4 copies the project into its project-local repository after the goal: its line, not the goal's.
            if (l ==~ /\[INFO\] Copying \S+ to project local repository/) continue
            if (inGoal) {
                if (l.startsWith('[INFO] ') || l == '[INFO]') { current = out; out << strip(l, '[INFO]') }
                else if (l.startsWith('[WARNING]')) { current = err; err << strip(l, '[WARNING]') }
                else if (l.startsWith('[ERROR]')) { current = err; err << strip(l, '[ERROR]') }
                else { current << l; unprefixed++ }   // a multi-line log call: Maven prefixes only its first line
            }
            if (l.startsWith('[ERROR] Failed to execute goal ')) {
                // "... on project tutorial: <message> -> [Help 1]". Maven 3.8 prints a multi-line message one
                // "[ERROR] " line per line and then "[ERROR] -> [Help 1]" on a line of its own.
                int on = l.indexOf(' on project ')
                int at = l.indexOf(': ', on >= 0 ? on : 0)
                List<String> msg = [at >= 0 ? l.substring(at + 2) : l]
                while (!msg.last().endsWith('-> [Help 1]') && i + 1 < lines.size()) {
                    msg << strip(lines[++i], '[ERROR]')
                }
                String last = msg.removeLast()
                last = last.substring(0, last.length() - '-> [Help 1]'.length())
                if (last.endsWith(' ')) last = last.substring(0, last.length() - 1)
                if (!last.isEmpty() || msg.isEmpty()) msg << last
                err.addAll(msg)
            }
        }
        int rc
        if (success) rc = expectedRc in [0, 1] ? expectedRc : 0     // Maven cannot tell Sqitch's 0 from its soft 1
        else if (failure) rc = 2
        else rc = -1
        Map result = [out: join(out), err: join(err), rc: rc, unprefixed: unprefixed]
        if (!success && !failure || (failure && !r.out.contains('Failed to execute goal io.sqlitch'))) {
            result.err += '--- Maven log (no sqlitch goal result) ---\n' + tail(r.out as String, 25) + (r.err ?: '')
        }
        return result
    }

    static String strip(String line, String prefix) {
        if (line == prefix) return ''
        return line.startsWith(prefix + ' ') ? line.substring(prefix.length() + 1) : line
    }

    static String join(List<String> lines) { lines ? lines.join('\n') + '\n' : '' }

    static String tail(String text, int n) {
        List<String> ls = text.split('\n').toList()
        return ls.drop(Math.max(0, ls.size() - n)).join('\n') + '\n'
    }

    /** A small line diff (LCS): `-` Sqitch only, `+` ours only, ` ` both. */
    static String diff(String a, String b) {
        List<String> x = a.split('\n', -1).toList(), y = b.split('\n', -1).toList()
        int n = x.size(), m = y.size()
        int[][] lcs = new int[n + 1][m + 1]
        for (int i = n - 1; i >= 0; i--) for (int j = m - 1; j >= 0; j--)
            lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
        List<String> out = []
        int i = 0, j = 0
        while (i < n || j < m) {
            if (i < n && j < m && x[i] == y[j]) { out << '     ' + x[i]; i++; j++ }
            else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) { out << '    +' + y[j]; j++ }
            else { out << '    -' + x[i]; i++ }
        }
        return out.join('\n')
    }
}
