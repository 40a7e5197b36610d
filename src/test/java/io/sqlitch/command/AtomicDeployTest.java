package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * The guarantee Sqitch lacks: a script without its own transaction handling, or wrapped in one BEGIN…COMMIT,
 * commits together with its registry rows, so the registry and the schema always agree. Needs no real sqitch.
 */
class AtomicDeployTest {

    @TempDir
    Path tmp;

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

    private static void exec(Path db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(EngineProject p) {
        return rows(p.dir.resolve("flipr.db"), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    @Test
    void failingScriptWithoutTransactionLeavesNothingBehind() {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").add("flips", "users", "CREATE TABLE flips (id INTEGER);\nSELECT nosuch;\n",
                "DROP TABLE flips;\n", "");
        RealSqitch.Result r = p.oursCli("deploy", "--mode", "change");
        assertEquals(2, r.exitValue());
        assertEquals("Adding registry tables to db:sqlite:sqitch.db\nDeploying changes to db:sqlite:flipr.db\n"
                + "  + users .. ok\n  + flips .. not ok\n", r.stdout());
        assertEquals("Parse error near line 2: no such column: nosuch\n  SELECT nosuch;\n         ^--- error here\n"
                + "\"sqlite3\" unexpectedly returned exit value 1\n\n", r.stderr());
        // Sqitch would leave table flips behind, deployed but unrecorded.
        assertEquals(List.of("users"), tables(p));
        Path registry = p.dir.resolve("sqitch.db");
        assertEquals(List.of("users"), rows(registry, "SELECT change FROM changes"));
        assertEquals(List.of("deploy users", "fail flips"),
                rows(registry, "SELECT event || ' ' || change FROM events ORDER BY committed_at"));
    }

    @Test
    void registryFailureUndoesTheScript() {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").add("flips", "users");
        assertEquals(0, p.oursCli("deploy", "--to", "users").exitValue());
        Path registry = p.dir.resolve("sqitch.db");
        exec(registry, "CREATE TRIGGER boom BEFORE INSERT ON changes WHEN NEW.change = 'flips'"
                + " BEGIN SELECT RAISE(ABORT, 'registry write failed'); END");
        RealSqitch.Result r = p.oursCli("deploy", "--mode", "change");
        assertEquals(2, r.exitValue());
        assertEquals("Deploying changes to db:sqlite:flipr.db\n  + flips .. not ok\n", r.stdout());
        assertEquals(List.of("registry write failed", "Deploy failed"), List.of(r.stderr().split("\n")).stream()
                .map(l -> l.replaceFirst("^\\[SQLITE_CONSTRAINT_TRIGGER\\].*\\((.*)\\)$", "$1")).toList());
        // The script's table was rolled back with the failed registry rows.
        assertEquals(List.of("users"), tables(p));
        assertEquals(List.of("users"), rows(registry, "SELECT change FROM changes"));
    }

    @Test
    void verifyRunsInsideTheTransactionAndItsFailureUndoesTheChange() {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").add("flips", "users", "BEGIN;\nCREATE TABLE flips (id INTEGER);\nCOMMIT;\n",
                "BEGIN;\nthis revert script is never needed;\nCOMMIT;\n",
                "BEGIN;\nSELECT nosuch FROM flips;\nROLLBACK;\n");
        RealSqitch.Result r = p.oursCli("deploy", "--verify");
        assertEquals(2, r.exitValue());
        assertEquals("Adding registry tables to db:sqlite:sqitch.db\nDeploying changes to db:sqlite:flipr.db\n"
                + "  + users .. ok\n  + flips .. not ok\n  - users .. ok\n", r.stdout());
        assertEquals("Parse error near line 2: no such column: nosuch\n  SELECT nosuch FROM flips;\n"
                + "         ^--- error here\nVerify script \"verify/flips.sql\" failed.\nReverting all changes\n"
                + "Deploy failed\n", r.stderr());
        assertEquals(List.of(), tables(p));
        assertEquals(List.of(), rows(p.dir.resolve("sqitch.db"), "SELECT change FROM changes"));
    }
}
