package io.sqlitch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which scripts may run inside the engine's transaction, and how a BEGIN…ROLLBACK verify script runs there. */
class RunInsideTest {

    private static SqlScript script(String text) {
        return SqlScript.parse("verify/x.sql", text, Map.of());
    }

    @Test
    void verifyTemplateShapeRunsInsideButOtherTransactionsDoNot() {
        assertTrue(ScriptRunner.canRunInside(script("BEGIN;\nSELECT 1;\nROLLBACK;\n")));
        assertTrue(ScriptRunner.discardsItsWork(script("-- Verify\nBEGIN;\n\nSELECT 1;\n\nROLLBACK;\n")));
        assertTrue(ScriptRunner.canRunInside(script("BEGIN;\nSELECT 1;\nCOMMIT;\n")));
        assertFalse(ScriptRunner.discardsItsWork(script("BEGIN;\nSELECT 1;\nCOMMIT;\n")));
        assertTrue(ScriptRunner.canRunInside(script("SELECT 1;\n")));
        assertFalse(ScriptRunner.canRunInside(script("BEGIN;\nSELECT 1;\nROLLBACK;\nBEGIN;\nCOMMIT;\n")));
        assertFalse(ScriptRunner.canRunInside(script("BEGIN;\nSAVEPOINT a;\nROLLBACK;\n")));
        assertFalse(ScriptRunner.canRunInside(script("BEGIN;\nSELECT 1;\nROLLBACK TO a;\n")));
        assertFalse(ScriptRunner.canRunInside(script("BEGIN;\nPRAGMA foreign_keys = OFF;\nROLLBACK;\n")));
        assertFalse(ScriptRunner.canRunInside(script(".shell true\nBEGIN;\nROLLBACK;\n")));
    }

    @Test
    void rolledBackScriptRunsWithoutEndingTheCallersTransaction() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.createStatement().execute("CREATE TABLE t (x)");
            List<String> rows = new ArrayList<>();
            ScriptRunner runner = new ScriptRunner(c, java.nio.file.Path.of("."), Map.of(), rows::add);
            c.setAutoCommit(false);
            c.createStatement().execute("INSERT INTO t VALUES (1)");
            ScriptResult ok = runner.runInside(script("BEGIN;\nSELECT x FROM t;\nROLLBACK;\n"));
            assertTrue(ok.succeeded());
            assertEquals(List.of("1"), rows);
            ScriptResult bad = runner.runInside(script("BEGIN;\nSELECT nosuch FROM t;\nROLLBACK;\n"));
            assertFalse(bad.succeeded());
            assertEquals("Parse error near line 2: no such column: nosuch", bad.errorLines().get(0));
            assertFalse(c.getAutoCommit());
            c.commit();
            assertThrows(IllegalArgumentException.class,
                    () -> runner.runInside(script("BEGIN;\nSELECT 1;\nROLLBACK;\nCOMMIT;\n")));
        }
    }
}
