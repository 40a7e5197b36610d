package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaIT {

    @Test
    void deployedTablesExistBeforeTheIntegrationTests() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + System.getProperty("it.db"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertEquals(List.of("app_items", "app_users"), tables);
    }

    @Test
    void deployPublishesTheCurrentChangeAndTag() {
        assertEquals("app_items", System.getProperty("deployed.change"));
        assertEquals("@v1", System.getProperty("deployed.tag"));
    }
}
