package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in atomic deploy ({@code sqlitch.atomic}): every pending change in one transaction, all or nothing. */
class AllOrNothingDeployTest {

    @TempDir
    Path tmp;

    private static RealSqitch.Result atomicDeploy(EngineProject p, String... args) {
        return p.ours(ctx -> new DeployCommand(ctx).execute(EngineProject.deploy(args).withAtomic(true)));
    }

    private static List<String> rows(Path db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registry dump without fail events, which the failed run adds. */
    private static String registryWithoutFails(EngineProject p) {
        return p.dump("sqitch.db").lines().filter(l -> !l.contains("VALUES('fail'"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void failureInTheMiddleLeavesDatabaseAndRegistryAsBeforePlusOneFailEvent() {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").tag("v1").add("flips", "users").add("likes", "flips");
        assertEquals(0, p.oursCli("deploy", "--to", "users").exitValue());
        p.add("broken", "likes", "BEGIN;\nCREATE TABLE broken (id INTEGER);\nSELECT nosuch;\nCOMMIT;\n",
                "DROP TABLE broken;\n", "").add("after", "broken");
        String dbBefore = p.dump("flipr.db");
        String registryBefore = p.dump("sqitch.db");

        RealSqitch.Result r = atomicDeploy(p);

        assertEquals(2, r.exitValue());
        assertEquals("Deploying changes to db:sqlite:flipr.db\n  + flips ... ok\n  + likes ... ok\n"
                + "  + broken .. not ok\n", r.stdout());
        assertEquals("Parse error near line 3: no such column: nosuch\n  SELECT nosuch;\n         ^--- error here\n"
                + "\"sqlite3\" unexpectedly returned exit value 1\n\nRolled back all changes of this deploy\n"
                + "Deploy failed\n", r.stderr());
        assertEquals(dbBefore, p.dump("flipr.db"));
        assertEquals(registryBefore, registryWithoutFails(p));
        assertEquals(List.of("fail broken"), rows(p.dir.resolve("sqitch.db"),
                "SELECT event || ' ' || change FROM events WHERE event = 'fail'"));
    }

    @Test
    void successDeploysEveryChangeWithNormalOutput() {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").tag("v1").add("flips", "users", "CREATE TABLE flips (id INTEGER);\n",
                "DROP TABLE flips;\n", "SELECT id FROM flips WHERE 0;\n");
        RealSqitch.Result r = atomicDeploy(p, "--verify");
        assertEquals(0, r.exitValue(), r.stderr());
        assertEquals("Adding registry tables to db:sqlite:sqitch.db\nDeploying changes to db:sqlite:flipr.db\n"
                + "  + users @v1 .. ok\n  + flips ...... ok\n", r.stdout());
        assertEquals(List.of("users", "flips"), rows(p.dir.resolve("sqitch.db"),
                "SELECT change FROM changes ORDER BY committed_at"));
        assertEquals(List.of("flips", "users"), rows(p.dir.resolve("flipr.db"),
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        assertEquals(0, p.oursCli("revert", "-y").exitValue());
    }

    @Test
    void refusesUpFrontWhenAScriptManagesItsOwnTransactions() {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").add("flips", "users",
                "BEGIN;\nCREATE TABLE flips (id INTEGER);\nCOMMIT;\nBEGIN;\nCREATE TABLE more (id INTEGER);\nCOMMIT;\n",
                "DROP TABLE flips;\nDROP TABLE more;\n", "");
        RealSqitch.Result r = atomicDeploy(p);
        assertEquals(2, r.exitValue());
        assertEquals("", r.stdout());
        assertEquals("Cannot deploy atomically: deploy script deploy/flips.sql manages its own transactions;"
                + " deploy without the atomic option\n", r.stderr());
        // Refused before anything was written: no registry tables, no target database.
        assertEquals(List.of("0"), rows(p.dir.resolve("sqitch.db"), "SELECT count(*) FROM sqlite_master"));
        assertEquals("<absent>", p.dump("flipr.db"));
        // The normal deploy still takes it.
        assertEquals(0, p.oursCli("deploy").exitValue());
        assertTrue(p.dump("flipr.db").contains("CREATE TABLE more"));
    }
}
