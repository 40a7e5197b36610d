package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.target.Target;
import java.util.Set;

/**
 * The engines this plugin can open. A target of any other engine is refused before anything is opened or
 * created: an engine Sqitch does not know with Sqitch's own message ({@code Unknown engine: nosuch}), one Sqitch
 * knows (pg, mysql, ...) with a message naming what is supported, never by treating its URI as a SQLite file.
 */
public final class SupportedEngines {

    /** Engine keys Sqitch 1.6.1 has engines for, with the aliases URI::db maps to them. */
    private static final Set<String> KNOWN_TO_SQITCH = Set.of("pg", "postgres", "postgresql", "cockroach",
            "cockroachdb", "yugabyte", "yugabytedb", "mysql", "mariadb", "oracle", "firebird", "vertica", "exasol",
            "snowflake", "clickhouse");

    private SupportedEngines() {
    }

    /**
     * Engines deploy, revert and verify run on: SQLite, and PostgreSQL ({@code db:pg:} and its aliases) with
     * Sqitch's CockroachDB variant ({@code db:cockroach:}, untested against a CockroachDB server).
     */
    private static final Set<String> DEPLOYABLE = Set.of("sqlite", "pg", "cockroach");

    /**
     * Throws unless deploy/revert/verify support {@code target}'s engine (the engineless {@code db:} is refused by
     * Targets).
     */
    public static void require(Target target) {
        require(target, DEPLOYABLE);
    }

    /** Throws unless {@code target} is a SQLite target (for code that opens only SQLite registries). */
    public static void requireSqlite(Target target) {
        require(target, Set.of("sqlite"));
    }

    private static void require(Target target, Set<String> supported) {
        String engine = target.engine().orElse("");
        if (supported.contains(engine)) {
            return;
        }
        if (engine.isEmpty()) {
            throw new SqitchException("No engine specified; specify via target or core.engine");
        }
        if (KNOWN_TO_SQITCH.contains(engine)) {
            String which = supported.contains("pg") ? "deploys only to SQLite (db:sqlite:) and PostgreSQL (db:pg:)"
                    : "runs this command only on SQLite (db:sqlite:)";
            throw new SqitchException("Engine \"" + engine + "\" is not supported by sqlitch-maven-plugin, which "
                    + which + " targets: use sqitch for " + target.uri().withoutPassword());
        }
        throw new SqitchException("Unknown engine: " + engine);
    }
}
