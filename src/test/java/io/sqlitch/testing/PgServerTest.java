package io.sqlitch.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PgServerTest {

    @Test
    void createsIsolatedDatabasesOnTheTestCluster() throws Exception {
        PgServer pg = PgServer.require();
        String a = pg.createDatabase("smoke");
        String b = pg.createDatabase("smoke");
        assertTrue(!a.equals(b), a + " vs " + b);
        try (Connection c = pg.connect(a); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database(), version()")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).equals(a), rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL"), rs.getString(2));
        }
    }
}
