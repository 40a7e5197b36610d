// What the ITs' postbuild.groovy scripts share. A script loads it with
//     evaluate(new File(itLib, 'ItSupport.groovy'))
// (itLib is an invoker scriptVariable: this directory), which defines in the script's binding:
//     buildLog()          the IT's build.log, as UTF-8 text
//     rows(file, sql)     the first column of every row sql returns from the SQLite database file (relative to
//                         basedir), as strings; a missing file reads as an empty database, as SQLite opens it
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
