package io.sqlitch.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code committed_at} of each write: strictly later than the latest one in {@code changes}, {@code events}
 * and {@code tags}, and than any this instance issued. We log far faster than Sqitch and must neither tie in
 * ordering nor collide on the {@code events} key.
 */
final class CommitTimes {

    private final RegistrySql sql;
    private final Clock clock;
    /** The latest committed_at known to this instance. */
    private Instant latestIssued;

    CommitTimes(RegistrySql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * The next {@code committed_at}: now (ms), or 1 ms after the latest time already in {@code changes},
     * {@code events} or {@code tags}, or issued by this instance, when that is not earlier.
     */
    String next() throws SQLException {
        Instant floor = latestInRegistry();
        if (latestIssued != null && (floor == null || latestIssued.isAfter(floor))) {
            floor = latestIssued;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (floor != null && !now.isAfter(floor)) {
            now = floor.plusMillis(1);
        }
        latestIssued = now;
        return RegistryTime.committed(now);
    }

    /** Now, as {@code projects.created_at} takes it (no ordering constraint). */
    String now() {
        return RegistryTime.committed(clock.instant());
    }

    /**
     * The newest row of each table by rowid (rows are appended in time order; reverted rows are covered by their
     * revert event): three index lookups instead of scans, since {@code committed_at} has no index and a scan per
     * change would make a large deploy quadratic.
     */
    private Instant latestInRegistry() throws SQLException {
        String last = " ORDER BY rowid DESC LIMIT 1)";
        try (Statement st = sql.connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(ts) FROM ("
                     + "SELECT (SELECT committed_at FROM " + sql.table("changes") + last + " AS ts"
                     + " UNION ALL SELECT (SELECT committed_at FROM " + sql.table("events") + last
                     + " UNION ALL SELECT (SELECT committed_at FROM " + sql.table("tags") + last + ")")) {
            String latest = rs.next() ? rs.getString(1) : null;
            return latest == null ? null : RegistryTime.parse(latest);
        }
    }
}
