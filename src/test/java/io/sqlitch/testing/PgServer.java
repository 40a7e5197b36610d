package io.sqlitch.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The private PostgreSQL cluster the tests run against, found through {@code SQLITCH_TEST_PGHOST},
 * {@code SQLITCH_TEST_PGPORT} and {@code SQLITCH_TEST_PGUSER} (a superuser with trust authentication), which
 * {@code .ci/pg-cluster.sh} exports. {@link #require()} fails the test when the cluster is missing and the
 * system property {@code sqlitch.requireOracle} is true (CI), and skips it otherwise.
 */
public record PgServer(String host, int port, String user) {

    /** The switch CI sets so that a missing oracle fails rather than skips (shared with real sqitch/sqlite3). */
    public static final String REQUIRE_PROPERTY = RealSqitch.REQUIRE;

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The cluster named by the environment, if it answers. */
    public static Optional<PgServer> find() {
        String host = System.getenv("SQLITCH_TEST_PGHOST");
        String port = System.getenv("SQLITCH_TEST_PGPORT");
        if (host == null || host.isEmpty() || port == null || port.isEmpty()) {
            return Optional.empty();
        }
        String user = Optional.ofNullable(System.getenv("SQLITCH_TEST_PGUSER")).filter(u -> !u.isEmpty())
                .orElse("postgres");
        PgServer server = new PgServer(host, Integer.parseInt(port), user);
        try (Connection c = server.connect("postgres")) {
            return Optional.of(server);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** The cluster, or a skipped test outside CI, or a failed test in CI. */
    public static PgServer require() {
        Optional<PgServer> server = find();
        RealSqitch.assume(server.isPresent(),
                "the PostgreSQL test cluster (SQLITCH_TEST_PGHOST/SQLITCH_TEST_PGPORT, see .ci/pg-cluster.sh)");
        return server.get();
    }

    /** The real psql is needed as well as the server (differential tests). */
    public static PgServer requireWithPsql() {
        PgServer server = require();
        RealSqitch.assume(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/psql")), "psql");
        return server;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, "");
    }

    /** A new, empty database with a unique name starting with prefix. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet())
                .toLowerCase(java.util.Locale.ROOT);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    /** {@code db:pg://user@host:port/database}. */
    public String sqitchUri(String database) {
        return "db:pg://" + user + "@" + host + ":" + port + "/" + database;
    }

    /** The first column of every row a query returns on {@code database}, as text. */
    public java.util.List<String> column(String database, String query) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The libpq environment for a client (psql, real sqitch) that should reach this cluster by default. */
    public Map<String, String> libpqEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", Integer.toString(port));
        env.put("PGUSER", user);
        return env;
    }
}
