package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.SqitchException;
import io.sqlitch.registry.Identity;
import io.sqlitch.testing.PgServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PgRegistryTest {

    private static final Identity ME = new Identity("Me", "me@example.com");

    @Test
    void registryNameIsAQuotedSchemaAndProjectsRegisterAsSqitchSays() throws Exception {
        PgServer pg = PgServer.require();
        String db = pg.createDatabase("regname");
        try (Connection c = pg.connect(db)) {
            PgRegistry reg = PgRegistry.open(c, "My Reg", ME);
            reg.create();
            reg = PgRegistry.open(c, "My Reg", ME);
            assertTrue(reg.initialized());
            assertEquals("1.1", reg.registryVersion());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT obj_description('\"My Reg\"'::regnamespace, 'pg_namespace')")) {
                rs.next();
                assertEquals("Sqitch database deployment metadata v1.1.", rs.getString(1));
            }
            try (Connection other = pg.connect(db)) {
                assertTrue(!PgRegistry.open(other, "my reg", ME).initialized(), "case matters, as in Sqitch");
            }
            reg.registerProject("flipr", "https://x/");
            reg.registerProject("flipr", "https://x/");
            PgRegistry r = reg;
            assertEquals("Cannot register \"flipr\" with URI https://y/: already exists with URI https://x/",
                    assertThrows(SqitchException.class, () -> r.registerProject("flipr", "https://y/")).getMessage());
            assertEquals("Cannot register \"flipr\" without URI: already exists with URI https://x/",
                    assertThrows(SqitchException.class, () -> r.registerProject("flipr", null)).getMessage());
            assertEquals("Cannot register \"other\" with URI https://x/: project \"flipr\" already using that URI",
                    assertThrows(SqitchException.class, () -> r.registerProject("other", "https://x/")).getMessage());
        }
    }

    @Test
    void workHoldsTheChangesTableLockWhileScriptsRun() throws Exception {
        PgServer pg = PgServer.require();
        String db = pg.createDatabase("reglock");
        try (Connection c = pg.connect(db); Connection script = pg.connect(db)) {
            PgRegistry reg = PgRegistry.open(c, "sqitch", ME);
            reg.create();
            reg.beginWork();
            try (Statement st = script.createStatement()) {
                st.execute("SET lock_timeout = '300ms'");
                st.executeQuery("SELECT count(*) FROM sqitch.changes").close();
                SQLException e = assertThrows(SQLException.class,
                        () -> st.executeUpdate("UPDATE sqitch.changes SET note = note WHERE false"));
                assertEquals("ERROR: canceling statement due to lock timeout", e.getMessage().split("\n")[0]);
            }
            reg.finishWork();
            try (Statement st = script.createStatement()) {
                assertEquals(0, st.executeUpdate("UPDATE sqitch.changes SET note = note WHERE false"));
            }
        }
    }
}
