package io.sqlitch.registry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Builders and row dumps shared by the registry tests. */
final class RegistryFixture {

    static final Identity MARGE = new Identity("Marge Simpson", "marge@example.com");
    static final Identity HOMER = new Identity("Homer Simpson", "homer@example.com");
    static final Identity OBAMA = new Identity("Barack Obama", "potus@whitehouse.gov");
    static final Instant PLANNED = Instant.parse("2012-07-16T17:25:07Z");
    static final Clock FROZEN = Clock.fixed(Instant.parse("2026-11-23T20:00:00.000Z"), ZoneOffset.UTC);

    private RegistryFixture() {
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static TagRecord tag(String name, String note) {
        return new TagRecord(sha1("tag " + name), name, note, PLANNED, OBAMA);
    }

    static ChangeRecord change(String project, String name, String note, List<Dependency> requires,
                               List<Dependency> conflicts, List<TagRecord> tags) {
        return change(project, name, "", note, requires, conflicts, tags);
    }

    /** A change whose id (and script hash) also depend on {@code instance}, for reworked changes. */
    static ChangeRecord change(String project, String name, String instance, String note,
                               List<Dependency> requires, List<Dependency> conflicts, List<TagRecord> tags) {
        String key = project + " " + name + instance;
        return new ChangeRecord(sha1("change " + key), sha1("script " + key), name, project, note, PLANNED, OBAMA,
                requires, conflicts, tags);
    }

    static Connection open(Path dir) {
        return RegistryDatabase.open(dir.resolve("sqitch.db"));
    }

    static Registry initialized(Connection connection, Identity user, Clock clock) {
        new RegistrySchema(connection, "main", clock).initialize(user, "sqitch.db");
        return new Registry(connection, "main", user, clock);
    }

    /** Every row of a query, each as a list of strings (null stays null). */
    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static List<String> row(String... values) {
        return java.util.Arrays.asList(values);
    }
}
