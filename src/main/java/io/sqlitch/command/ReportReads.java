package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.engine.SupportedEngines;
import io.sqlitch.engine.pg.PgEngine;
import io.sqlitch.engine.pg.PgRegistryReads;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.DeployedTag;
import io.sqlitch.registry.EventQuery;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryEvent;
import io.sqlitch.registry.RegistrySchema;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.registry.ReportQueries;
import io.sqlitch.target.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The registry as {@code status}, {@code log}, {@code check} and {@code upgrade} use it, for the target's engine: SQLite's {@link Registry}
 * through {@link TargetRegistry}, or PostgreSQL's {@link PgRegistryReads} on a session of its own (no lock, as
 * Sqitch takes none for these verbs).
 */
interface ReportReads extends AutoCloseable {

    /** What Sqitch's messages call the database ({@code On database …}). */
    String destination();

    /** What they call the registry ({@code Database … has not been initialized}). */
    String registryDestination();

    boolean initialized();

    /** The engine's report queries (SQLite: {@link Registry}; PostgreSQL: {@link PgRegistryReads}). */
    ReportQueries queries();

    default Optional<DeployedChange> currentState(String project) {
        return queries().currentState(project);
    }

    default List<DeployedChange> currentChanges(String project) {
        return queries().currentChanges(project);
    }

    default List<DeployedTag> currentTags(String project) {
        return queries().currentTags(project);
    }

    default List<String> registeredProjects() {
        return queries().registeredProjects();
    }

    default List<RegistryEvent> searchEvents(EventQuery query) {
        return queries().searchEvents(query);
    }

    /** The registry's lookups as the shared algorithms see them (for {@code check}). */
    RegistryStore store();

    /** Dies unless the registry exists at the current version, with the engine's message (for {@code check}). */
    void checkRegistry();

    /** Sqitch's {@code upgrade} verb: upgrades the registry if its version is not the release, saying so. */
    void upgrade(Identity user, Consumer<String> info);

    @Override
    void close();

    /** Opens {@code target}'s registry for reading (SQLite: creating an empty file, as Sqitch's connect does). */
    static ReportReads open(CommandContext ctx, Target target) {
        SupportedEngines.require(target);
        if (Set.of("pg", "cockroach").contains(target.engine().orElse(""))) {
            PgEngine engine = new PgEngine(target.name(), target.uri().text(), target.registry(), Optional.empty(),
                    Map.of(), new Identity("", ""), ctx.run(), ctx.out()::vent);
            return new PgReports(engine);
        }
        return new SqliteReports(target, TargetRegistry.open(ctx, target, null));
    }

    /** SQLite: the reads of {@link Registry}. */
    record SqliteReports(Target target, TargetRegistry reg) implements ReportReads {
        public String destination() {
            return target.destination();
        }

        public String registryDestination() {
            return target.registryDestination();
        }

        public boolean initialized() {
            return reg.schema().isInitialized();
        }

        public ReportQueries queries() {
            return reg.registry();
        }

        public RegistryStore store() {
            return reg.registry();
        }

        public void checkRegistry() {
            reg.schema().check(target.registryDestination());
        }

        public void upgrade(Identity user, Consumer<String> info) {
            RegistrySchema schema = reg.schema();
            if (schema.needsUpgrade()) {
                info.accept("Upgrading registry " + registryDestination() + " to version " + RegistrySchema.RELEASE);
                schema.upgrade(user, info);
            } else {
                info.accept("Registry " + registryDestination() + " is up-to-date at version "
                        + RegistrySchema.RELEASE);
            }
        }

        public void close() {
            reg.close();
        }
    }

    /** PostgreSQL: the reads of {@link PgRegistryReads}, the session opened on first use. */
    record PgReports(PgEngine engine) implements ReportReads {
        public String destination() {
            return engine.destination();
        }

        public String registryDestination() {
            return engine.registryDestination();
        }

        public boolean initialized() {
            return engine.initialized();
        }

        public ReportQueries queries() {
            return engine.reads();
        }

        public RegistryStore store() {
            return engine.store();
        }

        public void checkRegistry() {
            engine.checkRegistry();
        }

        public void upgrade(Identity user, Consumer<String> info) {
            String version = engine.registry().registryVersion();
            String release = engine.registryRelease();
            int cmp = Double.compare(Double.parseDouble(version), Double.parseDouble(release));
            if (cmp == 0) {
                info.accept("Registry " + registryDestination() + " is up-to-date at version " + release);
                return;
            }
            info.accept("Upgrading registry " + registryDestination() + " to version " + release);
            if (cmp > 0) {
                throw new SqitchException("Registry version is " + version + " but " + release
                        + " is the latest known. Please upgrade Sqitch.");
            }
            engine.registry().upgrade(version, info);
        }

        public void close() {
            engine.close();
        }
    }
}
