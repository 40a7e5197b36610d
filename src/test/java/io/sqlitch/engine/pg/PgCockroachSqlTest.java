package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.registry.Identity;
import io.sqlitch.testing.PgServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sqitch's cockroach engine's registry SQL (cockroach.pm, cockroach.sql, Upgrade/cockroach-*.sql). No
 * CockroachDB server here: what is valid PostgreSQL runs on the test server, the rest is checked as text.
 */
class PgCockroachSqlTest {

    private static final Identity ME = new Identity("Marge", "marge@example.com");

    @Test
    void timestampsAreReadThroughExperimentalStrftime() {
        assertEquals("experimental_strftime(c.planned_at AT TIME ZONE 'UTC',"
                + " 'year:%Y:month:%m:day:%d:hour:%H:minute:%M:second:%S:time_zone:UTC')",
                PgSql.ts("c.planned_at", true));
        assertEquals(PgSql.ts("c.planned_at"), PgSql.ts("c.planned_at", false));
        assertTrue(PgSql.ts("x", false).startsWith("to_char(x AT TIME ZONE 'UTC', "));
    }

    @Test
    void upgradeScriptsAreCockroachsOwn() {
        List<String> to10 = PgRegistrySchema.upgradeTo10("sqitch", true);
        assertTrue(to10.contains("ALTER TABLE \"sqitch\".changes ADD COLUMN script_hash TEXT NULL UNIQUE"), to10.toString());
        assertTrue(to10.contains("ALTER TABLE \"sqitch\".events DROP CONSTRAINT IF EXISTS events_event_check"));
        assertEquals(List.of("SET LOCAL client_min_messages = warning",
                "DROP INDEX \"sqitch\".changes_script_hash_key CASCADE",
                "ALTER TABLE \"sqitch\".changes ADD CONSTRAINT changes_project_script_hash_key UNIQUE (project,"
                        + " script_hash)",
                "COMMENT ON SCHEMA \"sqitch\" IS 'Sqitch database deployment metadata v1.1.'"),
                PgRegistrySchema.upgradeTo11("sqitch", true));
        assertTrue(PgRegistrySchema.upgradeTo11("sqitch", false).get(1).contains("DROP CONSTRAINT"));
    }

    /** The registry script without a transaction: each statement commits alone, then the release row. */
    @Test
    void theRegistryIsCreatedStatementByStatementAndItsTransactionsTakeNoTableLock() throws Exception {
        PgServer pg = PgServer.require();
        String db = pg.createDatabase("crdbsql");
        try (Connection c = pg.connect(db); Connection other = pg.connect(db)) {
            PgRegistry reg = PgRegistry.open(c, "sqitch", ME, true);
            assertTrue(reg.cockroach());
            reg.create();
            reg = PgRegistry.open(c, "sqitch", ME, true);
            assertEquals("1.1", reg.registryVersion());
            assertEquals(List.of("changes", "dependencies", "events", "projects", "releases", "tags"),
                    strings(other, "SELECT tablename FROM pg_tables WHERE schemaname = 'sqitch' ORDER BY 1"));
            reg.beginWork();
            try {
                assertEquals(List.of("0"), strings(other, "SELECT count(*) FROM pg_locks l JOIN pg_class r"
                        + " ON l.relation = r.oid WHERE r.relname = 'changes' AND l.mode = 'ExclusiveLock'"));
            } finally {
                reg.rollbackWork();
            }
            PgRegistry pgReg = PgRegistry.open(c, "sqitch", ME);
            assertFalse(pgReg.cockroach());
            pgReg.beginWork();
            try {
                assertEquals(List.of("1"), strings(other, "SELECT count(*) FROM pg_locks l JOIN pg_class r"
                        + " ON l.relation = r.oid WHERE r.relname = 'changes' AND l.mode = 'ExclusiveLock'"));
            } finally {
                pgReg.rollbackWork();
            }
        }
    }

    /** cockroach-1.0.sql is valid PostgreSQL: from a version-0 registry it gives pg-1.0.sql's registry. */
    @Test
    void theUpgradeTo10RunsOnPostgres() throws Exception {
        PgServer pg = PgServer.require();
        String db = pg.createDatabase("crdbup");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            PgRegistry.open(c, "sqitch", ME).create();
            st.execute("DROP TABLE sqitch.releases; ALTER TABLE sqitch.changes DROP COLUMN script_hash");
            PgRegistry reg = PgRegistry.open(c, "sqitch", ME, true);
            assertEquals("0", reg.registryVersion());
            List<String> lines = new java.util.ArrayList<>();
            org.junit.jupiter.api.Assertions.assertThrows(io.sqlitch.SqitchException.class,
                    () -> reg.upgrade("0", lines::add), "cockroach-1.1.sql's DROP INDEX is not PostgreSQL");
            assertEquals(List.of("  * From 0 to 1.0", "  * From 1.0 to 1.1"), lines);
            assertEquals("1", PgRegistry.open(c, "sqitch", ME, true).registryVersion()); // REAL read as text
            assertEquals(List.of("changes_script_hash_key"), strings(c, "SELECT conname FROM pg_constraint"
                    + " WHERE conrelid = 'sqitch.changes'::regclass AND contype = 'u'"));
        }
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
