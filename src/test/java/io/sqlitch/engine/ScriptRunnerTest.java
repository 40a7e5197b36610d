package io.sqlitch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {

    @TempDir
    Path tmp;

    private Connection conn;
    private final List<String> out = new ArrayList<>();

    @BeforeEach
    void open() throws SQLException {
        conn = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("flipr.db"));
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private ScriptResult run(String script) throws Exception {
        return run(script, Map.of());
    }

    private ScriptResult run(String script, Map<String, String> variables) throws Exception {
        Files.createDirectories(tmp.resolve("deploy"));
        Files.writeString(tmp.resolve("deploy/x.sql"), script);
        return new ScriptRunner(conn, tmp, variables, out::add).run("deploy/x.sql");
    }

    private long count(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static SqlScript parse(String text) {
        return SqlScript.parse("deploy/x.sql", text, Map.of());
    }

    @Test
    void missingFileFailsLikeTheClient() {
        ScriptResult r = new ScriptRunner(conn, tmp, Map.of(), out::add).run("deploy/b.sql");
        assertFalse(r.succeeded());
        assertEquals(List.of("Error: cannot open \"deploy/b.sql\""), r.errorLines());
    }

    @Test
    void syntaxErrorNamesTheStatementsFirstLineAndPointsAtTheToken() throws Exception {
        ScriptResult r = run("-- Deploy\n\nBEGIN;\n\nCREATE TABLE users (\n  nick TEXT,\n  pw TEXT,\n);\nCOMMIT;\n");
        assertFalse(r.succeeded());
        assertEquals(List.of("Parse error near line 5: near \")\": syntax error",
                "  CREATE TABLE users (   nick TEXT,   pw TEXT, );",
                "                                 error here ---^"), r.errorLines());
        assertEquals(0, count("select count(*) from sqlite_master"), "the open transaction was rolled back");
    }

    @Test
    void backupAndRestoreGoToSqliteNotToTheDriver() throws Exception {
        ScriptResult r = run("create table t(a);\nbackup to evil.db;\n");
        assertEquals(List.of("Parse error near line 2: near \"backup\": syntax error", "  backup to evil.db;",
                "  ^--- error here"), r.errorLines());
        assertFalse(Files.exists(tmp.resolve("evil.db")));
    }

    @Test
    void unsupportedDotCommandNamesFileAndLine() throws Exception {
        ScriptResult r = run("create table t(a);\n.output foo.txt\ncreate table u(a);\n");
        assertFalse(r.succeeded());
        assertEquals(List.of("Error: deploy/x.sql line 2: unsupported sqlite3 command \".output\""),
                r.errorLines());
        assertEquals(0, count("select count(*) from sqlite_master"), "refused before its first statement runs");
    }

    @Test
    void anUnsupportedDotCommandInAReadScriptRefusesTheWholeScript() throws Exception {
        Files.writeString(tmp.resolve("inner.sql"), "create table inner_t(a);\n.shell touch pwned\n");
        ScriptResult r = run("create table t(a);\n.read inner.sql\n");
        assertEquals(List.of("Error: inner.sql line 2: unsupported sqlite3 command \".shell\""), r.errorLines());
        assertEquals(0, count("select count(*) from sqlite_master"));
        assertFalse(Files.exists(tmp.resolve("pwned")));
        for (String command : List.of(".system id", ".import x.csv t", ".sh id", ".mode list", ".read '|id'",
                ".load ext", ".output x", ".once x", ".backup x.db", ".restore x.db", ".open other.db")) {
            ScriptResult each = run("create table u(a);\n" + command + "\n");
            assertFalse(each.succeeded(), command);
            assertEquals(0, count("select count(*) from sqlite_master"), command);
        }
    }

    @Test
    void whatFollowsQuitIsNeverReachedSoNotRefused() throws Exception {
        ScriptResult r = run("create table t(a);\n.quit\n.shell touch pwned\n");
        assertTrue(r.succeeded(), r.errorLines().toString());
        assertEquals(1, count("select count(*) from sqlite_master"));
    }

    @Test
    void nestedReadResolvesAgainstTheWorkingDirectory() throws Exception {
        Files.writeString(tmp.resolve("common.sql"), "create table shared(a);\n");
        ScriptResult r = run(".read common.sql\n.print done\n");
        assertTrue(r.succeeded(), r.errorLines().toString());
        assertEquals(List.of("done"), out);
        assertEquals(1, count("select count(*) from sqlite_master where name = 'shared'"));
    }

    @Test
    void rowsAreWrittenAsCsvLines() throws Exception {
        ScriptResult r = run("select 1, 'a b', null, '';\nselect 'x\"y';\n");
        assertTrue(r.succeeded());
        assertEquals(List.of("1,\"a b\",,\"\"", "\"x\"\"y\""), out);
    }

    @Test
    void variablesReplaceDefinedNamesOnly() throws Exception {
        ScriptResult r = run("create table ${table}(a);\ninsert into ${table} values('${other}');\n"
                + "select * from ${table};\n", Map.of("table", "users"));
        assertTrue(r.succeeded(), r.errorLines().toString());
        assertEquals(List.of("${other}"), out);
        assertEquals("abc ${b} x", SqlScript.substitute("abc ${b} ${a}", Map.of("a", "x")));
        assertEquals("$ {a} ${a", SqlScript.substitute("$ {a} ${a", Map.of("a", "x")));
    }

    @Test
    void sha1IsOfTheRawBytesAndNullForAMissingFile() throws Exception {
        Path f = tmp.resolve("s.sql");
        Files.write(f, "\uFEFFselect ${x};\r\n".getBytes(StandardCharsets.UTF_8));
        // sha1 of the exact bytes EF BB BF "select ${x};" CR LF
        assertEquals(sha1("\uFEFFselect ${x};\r\n"), SqlScript.sha1Hex(f));
        assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", sha1(""));
        assertNull(SqlScript.sha1Hex(tmp.resolve("nonesuch.sql")));
    }

    private static String sha1(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void classifiesTransactionShapes() {
        assertEquals(TransactionShape.NONE, parse("").transactionShape());
        assertEquals(TransactionShape.NONE, parse("create table t(a);\n-- c\n").transactionShape());
        assertEquals(TransactionShape.NONE, parse("create table t(a);\ncreate trigger tr after insert on t "
                + "begin select 1; end;\n").transactionShape());
        assertEquals(TransactionShape.WRAPPED, parse("-- x\nBEGIN;\ncreate table t(a);\nCOMMIT;\n")
                .transactionShape());
        assertEquals(TransactionShape.WRAPPED, parse("begin immediate transaction; create table t(a); end;")
                .transactionShape());
        assertEquals(TransactionShape.WRAPPED, parse(".print hi\nBEGIN EXCLUSIVE;\nselect 1;\nEND TRANSACTION;\n")
                .transactionShape());
        assertEquals(TransactionShape.OTHER, parse("BEGIN;\nselect 1;\nROLLBACK;\n").transactionShape());
        assertEquals(TransactionShape.OTHER, parse("BEGIN;\nselect 1;\nCOMMIT;\nBEGIN;\nCOMMIT;\n")
                .transactionShape());
        assertEquals(TransactionShape.OTHER, parse("create table t(a);\nBEGIN;\nselect 1;\nCOMMIT;\n")
                .transactionShape());
        assertEquals(TransactionShape.OTHER, parse("BEGIN;\nselect 1;\n").transactionShape());
        assertEquals(TransactionShape.OTHER, parse("PRAGMA foreign_keys = ON;\ncreate table t(a);\n")
                .transactionShape());
        assertEquals(TransactionShape.OTHER, parse("PRAGMA main.journal_mode = WAL;\n").transactionShape());
        assertEquals(TransactionShape.NONE, parse("PRAGMA table_info(t);\n").transactionShape());
        assertEquals(TransactionShape.OTHER, parse("VACUUM;\n").transactionShape());
        assertEquals(TransactionShape.OTHER, parse("ATTACH 'x.db' AS x;\n").transactionShape());
        assertEquals(TransactionShape.OTHER, parse("SAVEPOINT a;\nRELEASE a;\n").transactionShape());
        assertEquals(TransactionShape.OTHER, parse(".read other.sql\n").transactionShape());
    }

    @Test
    void runsAWrappedBodyInsideTheCallersTransaction() throws Exception {
        SqlScript script = parse("BEGIN; create table t(a);\ninsert into t values(1);\nCOMMIT;\n");
        ScriptRunner runner = new ScriptRunner(conn, tmp, Map.of(), out::add);
        try (Statement s = conn.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            ScriptResult r = runner.runBody(script);
            assertTrue(r.succeeded(), r.errorLines().toString());
            assertEquals(1, count("select count(*) from t"));
            s.execute("ROLLBACK"); // the caller's decision: the script's own COMMIT did not run
        }
        assertEquals(0, count("select count(*) from sqlite_master"));
    }

    @Test
    void bodyFailureReportsAndLeavesTheCallersTransactionOpen() throws Exception {
        SqlScript script = parse("BEGIN;\ncreate table t(a);\ninsert into nonesuch values(1);\nCOMMIT;\n");
        ScriptRunner runner = new ScriptRunner(conn, tmp, Map.of(), out::add);
        try (Statement s = conn.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            ScriptResult r = runner.runBody(script);
            assertEquals(List.of("Parse error near line 3: no such table: nonesuch"), r.errorLines());
            assertEquals(1, count("select count(*) from sqlite_master where name = 't'"));
            s.execute("ROLLBACK");
        }
        assertThrows(IllegalArgumentException.class, () -> runner.runBody(parse("BEGIN;\nROLLBACK;\n")));
    }

    @Test
    void loadsScriptsForTheCallerToClassify() throws Exception {
        Files.createDirectories(tmp.resolve("deploy"));
        Files.writeString(tmp.resolve("deploy/w.sql"), "BEGIN;\ncreate table ${t}(a);\nCOMMIT;\n");
        ScriptRunner runner = new ScriptRunner(conn, tmp, Map.of("t", "users"), out::add);
        SqlScript script = runner.load("deploy/w.sql").orElseThrow();
        assertEquals(TransactionShape.WRAPPED, script.transactionShape());
        assertEquals(new SqlScript.SqlUnit("create table users(a);", 2), script.units().get(1));
        assertTrue(runner.load("deploy/none.sql").isEmpty());
    }

    @Test
    void explicitTransactionsRunAsWrittenInAutocommitMode() throws Exception {
        ScriptResult r = run("BEGIN;\ncreate table t(a);\nCOMMIT;\nBEGIN;\ninsert into t values(1);\nROLLBACK;\n"
                + "insert into t values(2);\n");
        assertTrue(r.succeeded(), r.errorLines().toString());
        assertEquals(2, count("select sum(a) from t"));
        assertTrue(conn.getAutoCommit());
    }
}
