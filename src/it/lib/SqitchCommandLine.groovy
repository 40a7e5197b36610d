// A Sqitch command line as the plugin's Maven arguments, after ../shared/maven-interface.md rules 1-5: used by
// TutorialReplay.groovy to run a recorded `sqitch ...` step as `mvn sqlitch:<goal> -Dsqlitch.x=y ...`.

class SqitchCommandLine {
    /** Splits a command line as bash would: '...' literal, "..." with \-escapes, \x outside quotes. */
    static List<String> shellWords(String line) {
        List<String> words = []
        StringBuilder cur = null
        int i = 0
        while (i < line.length()) {
            char c = line.charAt(i)
            if (c == (char) '\'') {
                int end = line.indexOf('\'', i + 1)
                if (end < 0) throw new IllegalArgumentException("Unterminated ' in: $line")
                cur = (cur ?: new StringBuilder()).append(line, i + 1, end)
                i = end + 1
            } else if (c == (char) '"') {
                cur = cur ?: new StringBuilder()
                i++
                while (i < line.length() && line.charAt(i) != (char) '"') {
                    if (line.charAt(i) == (char) '\\' && i + 1 < line.length() && '$`"\\\n'.indexOf((int) line.charAt(i + 1)) >= 0) i++
                    cur.append(line.charAt(i++))
                }
                if (i >= line.length()) throw new IllegalArgumentException("Unterminated \" in: $line")
                i++
            } else if (c == (char) '\\' && i + 1 < line.length()) {
                cur = (cur ?: new StringBuilder()).append(line.charAt(i + 1))
                i += 2
            } else if (Character.isWhitespace(c)) {
                if (cur != null) { words << cur.toString(); cur = null }
                i++
            } else {
                cur = (cur ?: new StringBuilder()).append(c)
                i++
            }
        }
        if (cur != null) words << cur.toString()
        return words
    }

    /** `sqitch <command> [options] [args]` -> [`sqlitch:<goal>`, `-Dsqlitch.x=y`, ...]. */
    static List<String> translate(List<String> words) {
        assert words[0] == 'sqitch'
        String command = words[1]
        // Options that take a value; every other --option is a flag. Short options by their long name in that command.
        Set<String> valued = ['uri', 'engine', 'requires', 'conflicts', 'note', 'change', 'to-change', 'dest-dir',
                              'target', 'plan-file', 'top-dir', 'registry', 'client', 'db-name', 'set', 'tag',
                              'onto-change', 'upto-change', 'mode', 'lock-timeout', 'format', 'abbrev', 'date-format',
                              'max-count', 'skip', 'event', 'change-pattern', 'project-pattern', 'committer-pattern',
                              'from-change', 'file', 'template', 'template-directory', 'extension', 'chdir', 'dir',
                              'set-revert', 'set-deploy', 'set-verify', 'type'] as Set
        Map<String, String> shortOptions = ['-y': 'yes', '-s': 'set', '-C': 'chdir']
        if (command in ['add', 'rework']) shortOptions += ['-n': 'note', '-r': 'requires', '-x': 'conflicts', '-c': 'change', '-t': 'template']
        if (command == 'tag') shortOptions += ['-n': 'note', '-t': 'tag', '-c': 'change']
        if (command in ['log', 'plan']) shortOptions += ['-n': 'max-count']
        if (command in ['rebase', 'checkout']) shortOptions += ['-r': 'set-revert']
        Map<String, String> longAliases = ['to': 'to-change', 'onto': 'onto-change', 'upto': 'upto-change']
        // Positional arguments by command (rule 4).
        Map<String, List<String>> positional = [
            init: ['project'], add: ['change'], rework: ['change'], tag: ['tag', 'change'],
            deploy: ['target', 'toChange'], revert: ['target', 'toChange'], verify: ['target'], status: ['target'],
            log: ['target'], rebase: ['target'], checkout: ['branch'], upgrade: ['target'], check: ['target'],
            config: ['key', 'value'], target: ['action', 'name', 'uri'], engine: ['action', 'name', 'target'],
            show: ['type', 'object'], plan: ['target'], bundle: ['target'],
        ]
        Map<String, List<String>> props = new LinkedHashMap<>()
        List<String> args = []
        int i = 2
        while (i < words.size()) {
            String w = words[i++]
            String name = null
            String value = null
            if (w.startsWith('--') && w.length() > 2) {
                name = w.substring(2)
                int eq = name.indexOf('=')
                if (eq >= 0) { value = name.substring(eq + 1); name = name.substring(0, eq) }
                name = longAliases.getOrDefault(name, name)
            } else if (w.startsWith('-') && w.length() > 1 && shortOptions.containsKey(w.substring(0, 2))) {
                name = shortOptions[w.substring(0, 2)]
                if (w.length() > 2) value = w.substring(2)
            } else if (w.startsWith('-') && w.length() > 1) {
                throw new IllegalArgumentException("No translation for option $w of sqitch $command")
            }
            if (name == null) { args << w; continue }
            if (command == 'config' && name in ['get', 'get-all', 'get-regexp', 'add', 'replace-all', 'unset', 'unset-all',
                                                'rename-section', 'remove-section', 'list']) {
                props['action'] = [camel(name)]   // config's action is one parameter, like target's and engine's
                continue
            }
            if (valued.contains(name)) {
                if (value == null) value = words[i++]
            } else if (name.startsWith('no-')) {
                name = name.substring(3); value = 'false'
            } else if (value == null) {
                value = ''   // a flag: -Dsqlitch.x, which Maven sets to true
            }
            props.computeIfAbsent(camel(name)) { [] } << value
        }
        List<String> names = positional[command] ?: []
        if (args.size() > names.size()) throw new IllegalArgumentException("Too many arguments for sqitch $command: $args")
        args.eachWithIndex { String a, int n -> props.computeIfAbsent(names[n]) { [] } << a }
        // Commands that prompt in Sqitch get -Dsqlitch.yes in batch mode (rule 8; see the ITs' DELIBERATE).
        if (command in ['revert', 'rebase', 'checkout'] && !props.containsKey('yes')) props['yes'] = ['']
        List<String> out = ["sqlitch:$command".toString()]
        props.each { String k, List<String> vs ->
            String v = vs.size() == 1 ? vs[0] : vs.join(',')
            out << (v == '' ? "-Dsqlitch.$k" : "-Dsqlitch.$k=$v").toString()
        }
        return out
    }

    static String camel(String option) {
        option.split('-').toList().withIndex().collect { String p, int n -> n == 0 ? p : p.capitalize() }.join('')
    }
}
