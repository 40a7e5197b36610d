package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sqitch's cockroach engine pointed at PostgreSQL (no CockroachDB server here), the plugin against real sqitch:
 * deploy works on both (its registry script runs statement by statement, nothing reads a timestamp) and gives the
 * same output and registry schema; status then fails on both because PostgreSQL has no
 * {@code experimental_strftime}, which shows both read timestamps through it.
 */
class PgCockroachDifferentialTest {

    @TempDir
    Path tmp;

    @Test
    void deployAsSqitchAndTimestampsThroughExperimentalStrftime() throws Exception {
        PgServer pg = PgServer.requireWithPsql();
        RealSqitch.assumeSqitch();
        EngineProject project = new EngineProject(tmp);
        project.write("sqitch.conf", "[core]\n\tengine = pg\n");
        project.add("a", "", "BEGIN;\nCREATE TABLE a_table (id INT);\nCOMMIT;\n", "DROP TABLE a_table;\n",
                "SELECT 1;\n");
        String ours = pg.createDatabase("crdbours");
        String theirs = pg.createDatabase("crdbtheirs");

        RealSqitch.Result o = project.oursCli("deploy", uri(pg, ours));
        RealSqitch.Result s = project.sqitch("deploy", uri(pg, theirs));

        assertEquals(s.exitValue() + s.stdout().replace(theirs, "DB") + s.stderr(),
                o.exitValue() + o.stdout().replace(ours, "DB") + o.stderr());
        assertEquals(0, o.exitValue());
        assertEquals(schema(pg, theirs), schema(pg, ours));

        RealSqitch.Result os = project.oursCli("status", uri(pg, ours));
        RealSqitch.Result ss = project.sqitch("status", uri(pg, theirs));
        assertEquals(ss.exitValue(), os.exitValue());
        String missing = "function experimental_strftime(timestamp without time zone, unknown) does not exist";
        assertTrue(ss.stderr().contains(missing), ss.stderr());
        assertTrue(os.stderr().contains(missing), os.stderr());
    }

    private static String uri(PgServer pg, String db) {
        return pg.sqitchUri(db).replace("db:pg:", "db:cockroach:");
    }

    private static String schema(PgServer pg, String db) throws Exception {
        Process p = new ProcessBuilder("pg_dump", "--schema-only", "--schema=sqitch", "--no-owner", "--no-privileges",
                "-h", pg.host(), "-p", Integer.toString(pg.port()), "-U", pg.user(), "-d", db)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out.replaceAll("(?m)^(\\\\(un)?restrict .*|-- Dumped .*)$", "");
    }
}
