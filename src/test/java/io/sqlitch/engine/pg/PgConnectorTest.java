package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections to the test cluster, and libpq's failure texts compared with what real sqitch prints. */
class PgConnectorTest {

    private static PgServer pg;

    @TempDir
    Path home;

    @BeforeAll
    static void server() throws Exception {
        pg = PgServer.require();
        try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'sqlitch_pw'");
            if (!rs.next()) {
                s.execute("CREATE ROLE sqlitch_pw LOGIN PASSWORD 'right pw'");
            }
        }
    }

    private Connection open(String uri, Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        e.put("USER", "tester");
        RunContext ctx = new RunContext(home, e, Clock.systemUTC(), home);
        return PgConnector.open(PgConnectionSettings.resolve(PgUri.parse(uri), ctx, w -> { }));
    }

    private String base() {
        return "db:pg://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/";
    }

    @Test
    void connectsWithTheUriAndWithPgVariables() throws Exception {
        String db = pg.createDatabase("conn");
        try (Connection c = open(base() + db, Map.of()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database(), current_user")) {
            assertTrue(rs.next());
            assertEquals(db, rs.getString(1));
            assertEquals(pg.user(), rs.getString(2));
        }
        Map<String, String> env = new HashMap<>(pg.libpqEnv());
        env.put("PGDATABASE", db);
        try (Connection c = open("db:pg:", env); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            assertEquals(db, rs.getString(1));
        }
    }

    @Test
    void passwordFromPgpassAndTheWrongOnesRefusedAsLibpqSays() throws Exception {
        String uri = "db:pg://sqlitch_pw@" + pg.host() + ":" + pg.port() + "/postgres";
        String prefix = "connection to server at \"" + pg.host() + "\", port " + pg.port() + " failed: ";
        SqitchException missing = assertThrows(SqitchException.class, () -> open(uri, Map.of()));
        assertEquals(prefix + "fe_sendauth: no password supplied", missing.getMessage());
        SqitchException wrong = assertThrows(SqitchException.class,
                () -> open("db:pg://sqlitch_pw:wrong@" + pg.host() + ":" + pg.port() + "/postgres", Map.of()));
        assertEquals(prefix + "FATAL:  password authentication failed for user \"sqlitch_pw\"", wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong"));
        Path pass = home.resolve(".pgpass");
        Files.writeString(pass, pg.host() + ":" + pg.port() + ":*:sqlitch_pw:right pw\n");
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
        try (Connection c = open(uri, Map.of()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_user")) {
            assertTrue(rs.next());
            assertEquals("sqlitch_pw", rs.getString(1));
        }
        try (Connection c = open(uri, Map.of("SQITCH_PASSWORD", "right pw"))) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void refusedPortAsLibpqSays() {
        SqitchException e = assertThrows(SqitchException.class, () -> open("db:pg://x@127.0.0.1:1/db", Map.of()));
        assertEquals("connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n"
                + "\tIs the server running on that host and accepting TCP/IP connections?", e.getMessage());
    }

    @Test
    void missingDatabaseWordedAsRealSqitchPrintsIt() throws Exception {
        String uri = base() + "nosuchdb_pg11";
        SqitchException e = assertThrows(SqitchException.class, () -> open(uri, Map.of()));
        assertEquals("connection to server at \"" + pg.host() + "\", port " + pg.port()
                + " failed: FATAL:  database \"nosuchdb_pg11\" does not exist", e.getMessage());
        RealSqitch.assumeSqitch();
        Path project = Files.createDirectories(home.resolve("p"));
        Map<String, String> env = RealSqitch.env(home);
        RealSqitch.Result init = RealSqitch.run(project, env, List.of("init", "p", "--engine", "pg"));
        assertEquals(0, init.exitValue(), init.stderr());
        RealSqitch.Result r = RealSqitch.run(project, env, List.of("log", uri));
        assertEquals(2, r.exitValue(), r.stdout() + r.stderr());
        assertEquals(e.getMessage() + "\n", r.stderr());
    }
}
