package io.sqlitch.registry;

import java.util.List;
import java.util.Optional;

/**
 * The registry reads of the reporting verbs ({@code status}, {@code log}) in Sqitch's terms; one implementation
 * per database (SQLite: {@link Registry}; PostgreSQL: {@code engine.pg.PgRegistryReads}).
 */
public interface ReportQueries {

    /** Sqitch's {@code current_state}: the latest deployed change with its tags; empty when none or no tables. */
    Optional<DeployedChange> currentState(String project);

    /** Sqitch's {@code current_changes}: the deployed changes, newest first. */
    List<DeployedChange> currentChanges(String project);

    /** Sqitch's {@code current_tags}: the project's tags, newest first. */
    List<DeployedTag> currentTags(String project);

    /** Sqitch's {@code registered_projects}: every project name, sorted. */
    List<String> registeredProjects();

    /** Sqitch's {@code search_events}, for {@code log}. */
    List<RegistryEvent> searchEvents(EventQuery query);
}
