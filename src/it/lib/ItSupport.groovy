// What the ITs' postbuild.groovy scripts share. A script loads it with
//     evaluate(new File(itLib, 'ItSupport.groovy'))
// (itLib is an invoker scriptVariable: this directory), which defines in the script's binding:
//     buildLog()          the IT's build.log, as UTF-8 text
//     rows(file, sql)     the first column of every row sql returns from the SQLite database file (relative to
//                         basedir), as strings; a missing file reads as an empty database, as SQLite opens it
//     tables(file)        the names of the database's tables, sorted; null when the file does not exist
// and, for the ITs that run Maven themselves:
//     mavenExecutable()   the Maven the invoker forks (invoker.mavenHome, e.g. Maven 4 from bench/maven4.sh), else
//                         the one running the ITs (maven.home), else $MAVEN_HOME, else mvn on the PATH
//     itSettings()        the invoker's interpolated settings.xml beside the IT directories
//     itRepository()      the IT-local repository the plugin was installed into
// and, for the tutorial ITs:
//     tutorialReplay()    the class TutorialReplay (TutorialReplay.groovy, which uses SqitchCommandLine.groovy)
buildLog = { -> new File(basedir, 'build.log').getText('UTF-8') }

rows = { String file, String sql ->
    def c = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, file), new Properties())
    try {
        def rs = c.createStatement().executeQuery(sql)
        def out = []
        while (rs.next()) out << rs.getString(1)
        return out
    } finally {
        c.close()
    }
}

tables = { String file ->
    new File(basedir, file).exists() ? rows(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") : null
}

mavenExecutable = { ->
    for (String home : [System.getProperty('invoker.mavenHome'), System.getProperty('maven.home'),
                        System.getenv('MAVEN_HOME')]) {
        if (home && new File(home, 'bin/mvn').canExecute()) return new File(home, 'bin/mvn').absolutePath
    }
    return 'mvn'
}

itSettings = { ->
    File dir = (basedir as File).parentFile
    File found = dir.listFiles().find { it.isFile() && it.name.endsWith('settings.xml') }
    if (found == null) throw new IllegalStateException("No interpolated settings.xml in $dir")
    return found
}

itRepository = { -> localRepositoryPath instanceof File ? localRepositoryPath.absolutePath : localRepositoryPath.toString() }

tutorialReplay = { ->
    GroovyClassLoader loader = new GroovyClassLoader(getClass().classLoader)
    loader.addClasspath(itLib.toString())   // where the class's sources are found, SqitchCommandLine.groovy among them
    return loader.loadClass('TutorialReplay')
}
