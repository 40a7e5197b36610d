package io.sqlitch.engine.pg;

import io.sqlitch.registry.Identity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creating and upgrading the registry (pg.sql, Upgrade/pg-*.sql): on PostgreSQL each script and its release row in
 * one transaction (stronger than Sqitch, which commits the release apart); on CockroachDB as Sqitch runs
 * cockroach.sql and Upgrade/cockroach-*.sql, statement by statement without a transaction, then the release row.
 */
final class PgRegistryInstall {

    private final PgRegistry registry;
    private final Connection c;
    private final String name;
    private final Identity user;
    private final boolean cockroach;

    PgRegistryInstall(PgRegistry registry) {
        this.registry = registry;
        this.c = registry.connection();
        this.name = registry.name();
        this.user = registry.user();
        this.cockroach = registry.cockroach();
    }

    void create() {
        if (cockroach) {
            // cockroach.sql has no BEGIN/COMMIT (CockroachDB's schema changes): each statement on its own, then
            // the release row in a transaction of its own, as Sqitch runs it.
            autocommit(PgRegistrySchema.create(name));
            PgSql.inTransaction(c, () -> insertRelease(PgRegistrySchema.VERSION));
            return;
        }
        PgSql.inTransaction(c, () -> {
            for (String sql : PgRegistrySchema.create(name)) {
                PgSql.execute(c, sql);
            }
            PgSql.execute(c, "SET LOCAL search_path = " + PsqlQuoting.literal(name));
            insertRelease(PgRegistrySchema.VERSION);
        });
    }

    void upgrade(String from, Consumer<String> info) {
        String current = from;
        if (Double.parseDouble(current) < 1.0) {
            info.accept("  * From " + current + " to 1.0");
            step(PgRegistrySchema.upgradeTo10(name, cockroach), "1.0");
            current = "1.0";
        }
        if (Double.parseDouble(current) < 1.1) {
            info.accept("  * From " + (from.equals("1") ? "1" : current) + " to 1.1");
            step(PgRegistrySchema.upgradeTo11(name, cockroach), "1.1");
        }
    }

    private void step(List<String> statements, String version) {
        if (cockroach) {
            autocommit(statements);
            PgSql.inTransaction(c, () -> insertRelease(version));
            return;
        }
        PgSql.inTransaction(c, () -> {
            for (String sql : statements) {
                PgSql.execute(c, sql);
            }
            insertRelease(version);
        });
    }

    /** Statements each in its own transaction (CockroachDB's registry scripts); SET LOCAL would be a no-op. */
    private void autocommit(List<String> statements) {
        try {
            for (String sql : statements) {
                if (!sql.startsWith("SET LOCAL ")) {
                    PgSql.execute(c, sql);
                }
            }
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    private void insertRelease(String version) throws SQLException {
        registry.lockChanges();
        PgSql.update(c, "INSERT INTO releases (version, installed_at, installer_name, installer_email)"
                + " VALUES (?::real, clock_timestamp(), ?, ?)", version, user.name(), user.email());
    }
}
