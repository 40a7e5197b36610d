package io.sqlitch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each script of a corpus through the real client ({@code sqlite3 -noheader -bail -batch -csv DB
 * ".read 'FILE'"}) and through {@link ScriptRunner} on separate fresh databases, and compares stdout, stderr,
 * success and the resulting schema and data.
 */
class ScriptRunnerDifferentialTest {

    private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    @BeforeAll
    static void needsClient() {
        io.sqlitch.testing.RealSqitch.assume(Files.isExecutable(SQLITE3), "sqlite3 (" + SQLITE3 + ")");
    }

    static Stream<Arguments> corpus() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("tutorial deploy", "-- Deploy flipr:users to sqlite\n\nBEGIN;\n\nCREATE TABLE users (\n"
                + "    nickname  TEXT      PRIMARY KEY,\n    password  TEXT      NOT NULL,\n"
                + "    timestamp DATETIME  NOT NULL DEFAULT CURRENT_TIMESTAMP\n);\n\nCOMMIT;\n");
        c.put("verify select", "BEGIN;\nSELECT nickname, password FROM users WHERE 0;\nSELECT 1/1;\nROLLBACK;\n");
        c.put("no such table", "create table t(a);\n\nselect * from\n users_nonesuch;\n");
        c.put("syntax error second statement on line", "create table t(a);\nselect 1; selec 2;\n");
        c.put("syntax error mid multi-line", "create table t(a);\ncreate table u(b int,\n c text, d ,);\n");
        c.put("syntax error long statement",
                "select 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,"
                        + " 25, 26 from;\n");
        c.put("syntax error repeated token", "create table t(a, b);\ninsert into t values (1, 2), (3 4);\n");
        c.put("syntax error non-ascii", "select 'héllo wörld ünïcödé', 'ß' 'x' from t;\n");
        c.put("unique violation", "create table t(a unique);\ninsert into t values(1);\n\ninsert into t\n values(1);\n");
        c.put("not null and check", "create table t(a not null check(a>0));\ninsert into t values(0);\n");
        c.put("no such column", "create table t(a);\nselect b from t;\n");
        c.put("already exists", "create table t(a);\n\ncreate table t(b);\n");
        c.put("no such function", "select nofunc(1);\n");
        c.put("incomplete at end", "create table t(a);\ninsert into t values(1\n");
        c.put("unterminated comment at end", "create table t(a);\n/* unterminated\n");
        c.put("unterminated string at end", "create table t(a);\nselect 'abc\n");
        c.put("begin twice", "begin;\ncreate table t(a);\nbegin;\n");
        c.put("commit without begin", "commit;\n");
        c.put("error after begin leaves open transaction", "begin;\ncreate table t(a);\ninsert into t values(1);\n"
                + "insert into nonesuch values(1);\ncommit;\n");
        c.put("trigger with semicolons", "create table t(a);\ncreate table log(x);\n"
                + "create trigger tr after insert on t begin\n  insert into log values('a;b');\n"
                + "  insert into log values(new.a);\nend;\ninsert into t values(7);\nselect * from log;\n");
        c.put("temp trigger and explain-free", "create table t(a);\ncreate temp trigger tt after insert on t begin "
                + "select 1; end; insert into t values(1);\nselect count(*) from t;\n");
        c.put("strings with semicolons", "create table t(a);\ninsert into t values('x;y'), ('it''s; fine');\n"
                + "insert into t values('multi\nline;\nstring');\nselect * from t;\n");
        c.put("quoted identifiers", "create table \"we;ird\"([a;b] text, `c;d` int);\n"
                + "insert into \"we;ird\" values('1', 2);\nselect * from \"we;ird\";\n");
        c.put("comments everywhere", "-- leading comment; with semicolon\n/* block ; comment */\n"
                + "create table t(a); -- trailing\nselect 1; /* after */\n/* multi\nline; */ select 2;\n"
                + "select 3 -- not yet\n;\n");
        c.put("crlf", "create table t(a);\r\ninsert into t values('x'),\r\n ('y');\r\nselect * from t;\r\n"
                + "selec 1;\r\n");
        c.put("bom", "\uFEFFcreate table t(a);\nselect 1,\n 2;\n");
        c.put("blank", "");
        c.put("whitespace only", "  \n\t\n\n");
        c.put("comments only", "-- nothing\n/* here */\n;\n");
        c.put("csv formatting", "select 'a b', '', null, 'x\"y', 1.0, 0.1, 'é', 'a,b', 'plain', 42, -1.5e300, "
                + "x'41', 'new\nline', 'quote''s';\n");
        c.put("select rows", "create table t(a, b);\ninsert into t values(1,'one'),(2,'two'),(3,null);\n"
                + "select * from t order by a;\nselect count(*) from t where 0;\n");
        c.put("no final newline", "create table t(a);\ninsert into t values(1)");
        c.put("no final semicolon error", "create table t(a);\nselect * from nonesuch");
        c.put("go and slash terminators", "select 1\ngo\nselect 2\n/\n");
        c.put("dot print and hash comment", "select 1;\n.print hello   world\n# a hash comment\n.pri \"a b\" c\n.n NUL\nselect null, 1;\n.h on\n.m csv\nselect 2 as two;\n");
        c.put("headers", ".headers on\nselect 1 as x, 2 as \"y z\";\n.headers off\nselect 3;\n");
        c.put("mode csv", ".mode csv\nselect 1, 2;\n");
        c.put("echo", "select 1;\n.echo on\nselect 2;\n\n-- x\n.print z\n");
        c.put("bail off keeps going", ".bail off\nselect * from nonesuch;\nselect 2;\n");
        c.put("indented dot is sql", "   .print indented\n");
        c.put("quit stops", "select 1;\n.quit\nselect 2;\n");
        c.put("nested read", ".read inner.sql\nselect 'outer';\n");
        c.put("nested read missing", "select 1;\n.read nonesuch.sql\nselect 2;\n");
        c.put("nested read error", ".read bad.sql\nselect 'not reached';\n");
        c.put("backup is sql", "create table t(a);\nbackup to x.db;\n");
        c.put("restore is sql", "restore from x.db;\n");
        c.put("savepoint", "savepoint a;\ncreate table t(a);\nrelease a;\nselect count(*) from t;\n");
        c.put("pragma", "pragma foreign_keys = on;\npragma foreign_keys;\ncreate table p(id integer primary key);\n"
                + "create table c(p references p(id));\ninsert into c values(5);\n");
        c.put("raise outside trigger", "select raise(abort, 'boom');\n");
        c.put("trigger raise", "create table t(a);\ncreate trigger tr before insert on t begin\n"
                + "  select raise(abort, 'no inserts');\nend;\ninsert into t values(1);\n");
        c.put("several statements on one line", "create table t(a); insert into t values(1); select * from t; "
                + "insert into t values(1,2); select 'x';\n");
        c.put("bad boolean", ".headers maybe\nselect 1;\n.bail\nselect 2;\n");
        c.put("usage errors", ".echo\nselect 1;\n");
        c.put("qualified no such column", "create table t(a);\nselect t.a, t.b from t;\n");
        c.put("ambiguous column", "create table t(a);\ncreate table u(a);\nselect a from t, u;\n");
        c.put("wrong argument count", "select substr();\n");
        c.put("misuse of aggregate", "create table t(a);\nselect a from t where count(a) > 1;\n");
        c.put("token also in string and comment", "create table t(a);\nselect 'from' /* from */ from from;\n");
        c.put("unrecognized token", "select 1 #;\n");
        c.put("long multibyte context", "create table t(a);\nselect 'ééééééééééééééééééééééééééééééé', "
                + "'ïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïïï' frm t;\n");
        c.put("group spanning statements", "create table t(a);\nselect 1; select\n nosuch_col from t;\n");
        c.put("crlf inside string", "create table t(a);\r\ninsert into t values('a\r\nb');\r\nselect * from t;\r\n");
        c.put("lone cr", "select 1;\rselect 2;\n");
        c.put("double semicolons", "select 1;;\n;\nselect 2;\n");
        c.put("case end inside trigger", "create table t(a);\ncreate table l(x);\n"
                + "create trigger tr after insert on t begin\n  insert into l values(case when new.a > 1 then 'big' "
                + "else 'small' end);\nend;\ninsert into t values(5);\nselect x from l;\n");
        c.put("bail off several errors", ".bail off\nselect * from a1;\nselect 1;\nselect * from a2;\nselec;\n");
        c.put("nested bom", ".read bom.sql\n");
        c.put("nested quit only ends nested", ".read quit.sql\nselect 'after';\n");
        c.put("fk violation", "pragma foreign_keys = on;\ncreate table p(id integer primary key);\n"
                + "create table c(p references p(id));\ninsert into c values(5);\n");
        c.put("division and types", "select 7/2, 7/2.0, typeof(1e0), 9223372036854775807, 1e14, 1.5e-7;\n");
        c.put("comment before error", "/* lead */ selec 1;\n");
        c.put("go inside open paren", "create table t(a\ngo\n);\n");
        c.put("unterminated quote spanning lines", "select 'abc;\nselect 2;\n");
        c.put("error inside trigger creation", "create table t(a);\ncreate trigger tr after insert on t begin\n"
                + "  insert into nonesuch values(1);\n  updat t set a = 1;\nend;\n");
        c.put("read quoted name with space", ".read 'in ner.sql'\n.read \"in ner.sql\"\n");
        c.put("dot commands with crlf", ".print x\r\n.headers on\r\nselect 1 as a;\r\n");
        c.put("headers with zero rows", ".headers on\nselect 1 as a where 0;\nselect 2 as b;\n");
        c.put("hash inside statement", "select\n# not a comment\n1;\n");
        c.put("explain query plan", "create table t(a, b);\ncreate table u(c);\n"
                + "explain query plan select * from t where b = (select max(c) from u) and a = (select 1 from u);\n");
        c.put("blobs", "select x'c3a9', x'00', x'4100', x'', zeroblob(0);\n");
        c.put("nul byte ends a line", "select 1;\u0000 garbage\nselect 2;\n");
        c.put("comment markers inside multi-line string", "create table t(a);\ninsert into t values('x\n-- no\n"
                + "/* nor */ y;');\nselect length(a) from t;\n");
        c.put("bracket identifier across lines", "create table [my\ntable](a);\nselect name from sqlite_master;\n");
        c.put("returning", "create table t(a integer primary key, b);\ninsert into t(b) values('x') returning a, b;\n");
        return c.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void behavesLikeTheSqlite3Client(String name, String script) throws Exception {
        Files.writeString(tmp.resolve("s.sql"), script, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("inner.sql"), "select 'inner';\n");
        Files.writeString(tmp.resolve("bad.sql"), "select 'bad';\n\nselect * from nowhere;\n");
        Files.writeString(tmp.resolve("in ner.sql"), "select 'spaced';\n");
        Files.writeString(tmp.resolve("bom.sql"), "\uFEFFselect 'bom';\n");
        Files.writeString(tmp.resolve("quit.sql"), "select 'q';\n.quit\nselect 'not';\n");

        Process p = new ProcessBuilder(SQLITE3.toString(), "-noheader", "-bail", "-batch", "-csv", "real.db",
                ".read 's.sql'").directory(tmp.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int rc = p.waitFor();

        List<String> ourOut = new ArrayList<>();
        ScriptResult result;
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("ours.db"))) {
            result = new ScriptRunner(conn, tmp, Map.of(), ourOut::add).run("s.sql");
        }

        assertEquals(lines(out), ourOut, "stdout");
        assertEquals(lines(err), result.errorLines(), "stderr");
        assertEquals(rc == 0, result.succeeded(), "success");
        assertEquals(dump(tmp.resolve("real.db")), dump(tmp.resolve("ours.db")), "schema and data");
    }

    private static List<String> lines(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> l = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }

    static List<String> dump(Path db) throws SQLException, IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(db)) {
            return out;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select type, name, sql from sqlite_master order by type, name")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                    if (rs.getString(1).equals("table")) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select * from \"" + t.replace("\"", "\"\"") + "\" order by 1")) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(t).append(':');
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(' ').append(rs.getString(i));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }
}
