package io.sqlitch.registry;

import static io.sqlitch.registry.RegistryFixture.HOMER;
import static io.sqlitch.registry.RegistryFixture.MARGE;
import static io.sqlitch.registry.RegistryFixture.FROZEN;
import static io.sqlitch.registry.RegistryFixture.change;
import static io.sqlitch.registry.RegistryFixture.row;
import static io.sqlitch.registry.RegistryFixture.rows;
import static io.sqlitch.registry.RegistryFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sqlitch.SqitchException;

class RegistryTest {

    private static final String CHANGE_COLS = "SELECT change_id, change, project, note, committer_name,"
            + " committer_email, planner_name, planner_email FROM changes ORDER BY committed_at";
    private static final String EVENT_COLS = "SELECT event, change_id, change, project, note, requires, conflicts,"
            + " tags, committer_name, committer_email, planner_name, planner_email FROM events ORDER BY committed_at";
    private static final String TAG_COLS = "SELECT tag_id, tag, change_id, project, note, committer_name,"
            + " committer_email, planner_name, planner_email FROM tags ORDER BY committed_at";

    @TempDir
    Path dir;
    Connection connection;
    Registry registry;

    final TagRecord alpha = tag("alpha", "Good to go!");
    final ChangeRecord users = change("engine", "users", "User roles", List.of(), List.of(), List.of(alpha));
    final ChangeRecord widgets = change("engine", "widgets", "All in",
            List.of(Dependency.requires("users", users.id())), List.of(Dependency.conflicts("dr_evil")), List.of());

    @BeforeEach
    void open() {
        connection = RegistryFixture.open(dir);
        registry = RegistryFixture.initialized(connection, MARGE, FROZEN);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void registersProjectsAndRejectsUriMismatchesWithSqitchMessages() throws SQLException {
        assertEquals(List.of(), registry.registeredProjects());
        registry.registerProject("engine", null);
        registry.registerProject("engine", null);
        registry.registerProject("groovy", "https://example.com/");
        assertEquals(List.of("engine", "groovy"), registry.registeredProjects());
        assertEquals(List.of(row("engine", null, "Marge Simpson", "marge@example.com", "2026-11-23 20:00:00.000"),
                        row("groovy", "https://example.com/", "Marge Simpson", "marge@example.com",
                                "2026-11-23 20:00:00.000")),
                rows(connection, "SELECT project, uri, creator_name, creator_email, created_at FROM projects"
                        + " ORDER BY project"));

        assertEquals("Cannot register \"engine\" with URI https://example.net/: already exists with NULL URI",
                assertThrows(SqitchException.class,
                        () -> registry.registerProject("engine", "https://example.net/")).getMessage());
        assertEquals("Cannot register \"groovy\" with URI https://example.net/: already exists with URI"
                        + " https://example.com/",
                assertThrows(SqitchException.class,
                        () -> registry.registerProject("groovy", "https://example.net/")).getMessage());
        assertEquals("Cannot register \"groovy\" without URI: already exists with URI https://example.com/",
                assertThrows(SqitchException.class, () -> registry.registerProject("groovy", null)).getMessage());
        registry.registerProject("groovy", "https://example.com/");
        assertEquals("Cannot register \"bob\" with URI https://example.com/: project \"groovy\" already using"
                        + " that URI",
                assertThrows(SqitchException.class,
                        () -> registry.registerProject("bob", "https://example.com/")).getMessage());
        assertEquals(List.of("engine", "groovy"), registry.registeredProjects());
    }

    @Test
    void deployRevertFailWriteSqitchRows() throws SQLException {
        registry.registerProject("engine", null);
        assertFalse(registry.isDeployedChange(users.id()));
        registry.recordDeploy(users);
        assertTrue(registry.isDeployedChange(users.id()));
        assertTrue(registry.isDeployedTag(alpha.id()));
        assertEquals(List.of(users.id()), registry.areDeployedChanges(List.of(users.id(), widgets.id())));
        assertEquals(Optional.of(users.id()), registry.earliestChangeId("engine", 0));
        assertEquals(Optional.empty(), registry.earliestChangeId("engine", 1));
        assertEquals(Optional.of(users.id()), registry.latestChangeId("engine", 0));

        List<String> marge = List.of("Marge Simpson", "marge@example.com", "Barack Obama", "potus@whitehouse.gov");
        assertEquals(List.of(cat(row(users.id(), "users", "engine", "User roles"), marge)),
                rows(connection, CHANGE_COLS));
        assertEquals(List.of(cat(row(alpha.id(), "@alpha", users.id(), "engine", "Good to go!"), marge)),
                rows(connection, TAG_COLS));
        assertEquals(List.of(), rows(connection, "SELECT * FROM dependencies"));
        List<List<String>> events = new ArrayList<>();
        events.add(cat(row("deploy", users.id(), "users", "engine", "User roles", "", "", "@alpha"), marge));
        assertEquals(events, rows(connection, EVENT_COLS));
        // One logical write, one time: the change, its tag and its event share committed_at, as in Sqitch.
        assertEquals(List.of(row("2026-11-23 20:00:00.000", "2026-11-23 20:00:00.000", "2026-11-23 20:00:00.000",
                        "2012-07-16 17:25:07", "2012-07-16 17:25:07", "2012-07-16 17:25:07")),
                rows(connection, "SELECT c.committed_at, t.committed_at, e.committed_at, c.planned_at, t.planned_at,"
                        + " e.planned_at FROM changes c, tags t, events e"));
        assertEquals(Optional.of("users@alpha"), registry.nameForChangeId(users.id()));

        DeployedChange state = registry.currentState("engine").orElseThrow();
        assertEquals(new DeployedChange(users.id(), users.scriptHash(), "users", "engine", "User roles", MARGE,
                Instant.parse("2026-11-23T20:00:00Z"), RegistryFixture.OBAMA, RegistryFixture.PLANNED,
                List.of("@alpha")), state);
        assertEquals(List.of(state), registry.currentChanges("engine"));
        assertEquals(List.of(), registry.currentTags("nonesuch"));
        assertEquals(List.of(new DeployedTag(alpha.id(), "@alpha", users.id(), MARGE,
                Instant.parse("2026-11-23T20:00:00Z"), RegistryFixture.OBAMA, RegistryFixture.PLANNED)),
                registry.currentTags("engine"));

        // log_new_tags: nothing when present, back again when missing.
        registry.logNewTags(users.id(), "engine", users.tags());
        assertEquals(1, rows(connection, "SELECT * FROM tags").size());
        connection.createStatement().execute("DELETE FROM tags");
        registry.logNewTags(users.id(), "engine", users.tags());
        assertEquals(List.of(cat(row(alpha.id(), "@alpha", users.id(), "engine", "Good to go!"), marge)),
                rows(connection, TAG_COLS));

        registry.recordRevert(users.id());
        assertFalse(registry.isDeployedChange(users.id()));
        assertEquals(Optional.empty(), registry.latestChangeId("engine", 0));
        assertEquals(List.of(), rows(connection, CHANGE_COLS));
        assertEquals(List.of(), rows(connection, TAG_COLS));
        events.add(cat(row("revert", users.id(), "users", "engine", "User roles", "", "", "@alpha"), marge));
        assertEquals(events, rows(connection, EVENT_COLS));
        assertEquals(Optional.empty(), registry.nameForChangeId(users.id()));
        assertEquals(Optional.empty(), registry.currentState("engine"));

        registry.recordFail(users);
        events.add(cat(row("fail", users.id(), "users", "engine", "User roles", "", "", "@alpha"), marge));
        assertEquals(events, rows(connection, EVENT_COLS));
        assertEquals(Optional.empty(), registry.currentState("engine"));
        List<String> kinds = registry.searchEvents(EventQuery.all()).stream().map(RegistryEvent::event).toList();
        assertEquals(List.of("fail", "revert", "deploy"), kinds);

        // From here on, another committer; widgets requires users and conflicts with dr_evil.
        Registry homer = new Registry(connection, "main", HOMER, FROZEN);
        homer.recordDeploy(users);
        homer.recordDeploy(widgets);
        assertEquals(Optional.of(widgets.id()), homer.earliestChangeId("engine", 1));
        assertEquals(Optional.of(users.id()), homer.latestChangeId("engine", 1));
        assertEquals(Optional.empty(), homer.latestChangeId("engine", 2));
        assertEquals(List.of(row(widgets.id(), "conflict", "dr_evil", null),
                        row(widgets.id(), "require", "users", users.id())),
                rows(connection, "SELECT change_id, type, dependency, dependency_id FROM dependencies"
                        + " ORDER BY change_id, type, dependency"));
        assertEquals(List.of(new RequiringChange(widgets.id(), "engine", "widgets", null)),
                homer.changesRequiringChange(users.id()));
        assertEquals(List.of(), homer.changesRequiringChange(widgets.id()));
        assertEquals(Optional.of("widgets@HEAD"), homer.nameForChangeId(widgets.id()));
        List<String> homerRow = List.of("Homer Simpson", "homer@example.com", "Barack Obama", "potus@whitehouse.gov");
        events.add(cat(row("deploy", users.id(), "users", "engine", "User roles", "", "", "@alpha"), homerRow));
        events.add(cat(row("deploy", widgets.id(), "widgets", "engine", "All in", "users", "dr_evil", ""), homerRow));
        assertEquals(events, rows(connection, EVENT_COLS));
        DeployedChange head = homer.currentState("engine").orElseThrow();
        assertEquals("widgets", head.name());
        assertEquals(HOMER, head.committer());
        assertEquals(List.of(), head.tags());
        assertEquals(List.of("widgets", "users"), homer.currentChanges("engine").stream()
                .map(DeployedChange::name).toList());
        assertEquals(List.of("users", "widgets"), homer.deployedChanges("engine").stream()
                .map(DeployedChange::name).toList());
        assertEquals(List.of("widgets"), homer.deployedChangesSince("engine", users.id()).stream()
                .map(DeployedChange::name).toList());
    }

    @Test
    void revertEventReadsTagsAndDependenciesFromTheRegistryJoinedByCommas() throws SQLException {
        registry.registerProject("flipr", null);
        ChangeRecord u = change("flipr", "users", "", List.of(), List.of(), List.of());
        ChangeRecord f = change("flipr", "flips", "", List.of(), List.of(), List.of());
        ChangeRecord uf = change("flipr", "userflips", "UF.",
                List.of(Dependency.requires("users", u.id()), Dependency.requires("flips", f.id())),
                List.of(Dependency.conflicts("old"), Dependency.conflicts("older")),
                List.of(tag("t1", ""), tag("t2", "")));
        registry.recordDeploy(u);
        registry.recordDeploy(f);
        registry.recordDeploy(uf);
        registry.recordRevert(uf.id());
        assertEquals(List.of(row("deploy", "users,flips", "old,older", "@t1 @t2"),
                        row("revert", "flips,users", "old,older", "@t1,@t2")),
                rows(connection, "SELECT event, requires, conflicts, tags FROM events WHERE change = 'userflips'"
                        + " ORDER BY committed_at"));
        RegistryEvent revert = registry.searchEvents(EventQuery.all()).get(0);
        assertEquals(List.of("@t1", "@t2"), revert.tagList());
        assertEquals(List.of("flips", "users"), revert.requiresList());
        assertEquals(List.of(), rows(connection, "SELECT * FROM dependencies WHERE change_id = '" + uf.id() + "'"));
    }

    @Test
    void everyCommittedAtIsStrictlyLaterEvenWithAFrozenClock() throws SQLException {
        registry.registerProject("engine", null);
        connection.setAutoCommit(false);
        for (int i = 0; i < 200; i++) {
            registry.recordDeploy(change("engine", "c" + i, "", List.of(), List.of(), List.of()));
        }
        connection.commit();
        connection.setAutoCommit(true);
        List<List<String>> times = rows(connection, "SELECT committed_at FROM events ORDER BY rowid");
        assertEquals("2026-11-23 20:00:00.000", times.get(0).get(0));
        assertEquals("2026-11-23 20:00:00.199", times.get(199).get(0));
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i).get(0).compareTo(times.get(i - 1).get(0)) > 0, times.get(i).get(0));
        }
        // Rows back-dated by hand (as Sqitch's own tests do) do not pull the clock back.
        connection.createStatement().execute("UPDATE changes SET committed_at = '2013-03-30 00:47:47'");
        registry.recordRevert(change("engine", "c199", "", List.of(), List.of(), List.of()).id());
        assertEquals(List.of(row("2026-11-23 20:00:00.200")),
                rows(connection, "SELECT committed_at FROM events WHERE event = 'revert'"));
    }

    @Test
    void findsChangeIdsLikeSqitchIncludingOffsetsAndAmbiguity() {
        registry.registerProject("engine", null);
        registry.registerProject("groovy", "https://example.com/");
        ChangeRecord fred = change("engine", "fred", "", List.of(), List.of(), List.of());
        ChangeRecord barney = change("engine", "barney", "", List.of(), List.of(), List.of(tag("beta", "")));
        ChangeRecord ext = change("groovy", "crazyman", "", List.of(), List.of(), List.of());
        for (ChangeRecord c : List.of(users, widgets, fred, barney, ext)) {
            registry.recordDeploy(c);
        }
        Registry.LookupReporter silent = new Registry.LookupReporter(line -> { }, id -> Optional.empty());
        assertEquals(Optional.of(users.id()), registry.changeIdFor(users.id(), null, null, "engine", false, silent));
        assertEquals(Optional.of(users.id()), registry.changeIdFor(null, "users", null, "engine", false, silent));
        assertEquals(Optional.of(users.id()), registry.changeIdFor(null, "users", "alpha", "engine", false, silent));
        assertEquals(Optional.of(users.id()), registry.changeIdFor(null, "users", "HEAD", "engine", false, silent));
        assertEquals(Optional.of(users.id()), registry.changeIdFor(null, null, "alpha", "engine", false, silent));
        assertEquals(Optional.of(users.id()), registry.changeIdFor(null, null, "ROOT", "engine", false, silent));
        assertEquals(Optional.of(barney.id()), registry.changeIdFor(null, null, "HEAD", "engine", false, silent));
        assertEquals(Optional.of(ext.id()), registry.changeIdFor(null, null, "ROOT", "groovy", false, silent));
        assertEquals(Optional.empty(), registry.changeIdFor("whatever", null, null, "engine", false, silent));
        assertEquals(Optional.empty(), registry.changeIdFor(null, "whatever", null, "engine", false, silent));
        assertEquals(Optional.empty(), registry.changeIdFor(null, null, "whatever", "engine", false, silent));
        assertEquals(Optional.empty(), registry.changeIdFor(null, "users", "whatever", "engine", false, silent));
        assertEquals(Optional.empty(), registry.changeIdFor(null, "users", "ROOT", "engine", false, silent));
        assertEquals(Optional.empty(), registry.changeIdFor(null, "users", null, "whatever", false, silent));
        assertEquals(Optional.empty(), registry.changeIdFor(null, null, "alpha", "whatever", false, silent));

        // Keys with offsets, as revert --to takes them.
        assertEquals(Optional.of(barney.id()), registry.changeIdForKey("HEAD", "engine", silent));
        assertEquals(Optional.of(fred.id()), registry.changeIdForKey("HEAD^", "engine", silent));
        assertEquals(Optional.of(users.id()), registry.changeIdForKey("@HEAD^3", "engine", silent));
        assertEquals(Optional.of(widgets.id()), registry.changeIdForKey("@ROOT~", "engine", silent));
        assertEquals(Optional.of(fred.id()), registry.changeIdForKey("users~~", "engine", silent));
        assertEquals(Optional.empty(), registry.changeIdForKey("@ROOT^", "engine", silent));
        assertEquals(Optional.of(widgets.id()), registry.changeIdForKey(widgets.id(), "engine", silent));
        assertEquals(Optional.of(users.id()), registry.changeIdForKey("users@beta", "engine", silent));
        assertEquals(Optional.of(widgets.id()), registry.changeIdForKey("@beta^^", "engine", silent));

        // Rework users: the name is now ambiguous, except for dependency lookups (the first wins).
        ChangeRecord reworked = change("engine", "users", "@beta", "Add users.",
                List.of(Dependency.requires("users@alpha", users.id())), List.of(), List.of());
        registry.recordDeploy(reworked);
        List<String> vented = new ArrayList<>();
        Registry.LookupReporter reporter = new Registry.LookupReporter(vented::add,
                id -> id.equals(users.id()) ? Optional.of("users@alpha") : Optional.empty());
        SqitchException failure = assertThrows(SqitchException.class,
                () -> registry.changeIdForKey("users", "engine", reporter));
        assertEquals("Change Lookup Failed", failure.getMessage());
        assertEquals(List.of("Change \"users\" is ambiguous. Please specify a tag-qualified change:",
                "  * users@HEAD", "  * users@alpha"), vented);
        assertEquals(Optional.of(users.id()), registry.changeIdForDepend(null, "users", null, "engine"));
        assertEquals(Optional.of(users.id()), registry.changeIdFor(null, "users", "alpha", "engine", false, reporter));
        assertEquals(Optional.of(users.id()), registry.changeIdFor(null, "users", "beta", "engine", false, reporter));
        assertEquals(Optional.of(reworked.id()), registry.changeIdFor(null, "users", "HEAD", "engine", false,
                reporter));
        assertEquals(Optional.of("users@alpha"), registry.nameForChangeId(users.id()));
        assertEquals(List.of(new RequiringChange(widgets.id(), "engine", "widgets", "@beta"),
                        new RequiringChange(reworked.id(), "engine", "users", null)),
                registry.changesRequiringChange(users.id()));
        assertEquals("widgets@beta", registry.changesRequiringChange(users.id()).get(0).display("engine"));
        assertEquals("engine:widgets@beta", registry.changesRequiringChange(users.id()).get(0).display("other"));
    }

    @Test
    void searchesEventsWithPatternsTypesLimitsAndDirection() {
        registry.registerProject("engine", null);
        registry.registerProject("groovy", null);
        registry.recordDeploy(users);
        registry.recordDeploy(widgets);
        new Registry(connection, "main", HOMER, FROZEN).recordRevert(widgets.id());
        registry.recordDeploy(change("groovy", "crazyman", "", List.of(), List.of(), List.of()));

        assertEquals(List.of("crazyman", "widgets", "widgets", "users"), names(EventQuery.all()));
        assertEquals(List.of("users", "widgets", "widgets", "crazyman"),
                names(new EventQuery(null, null, null, null, null, null, null, true)));
        assertEquals(List.of("widgets"), names(new EventQuery(List.of("revert"), null, null, null, null, null,
                null, false)));
        assertEquals(List.of("widgets", "widgets"), names(new EventQuery(null, "^wid", null, null, null, null,
                null, false)));
        assertEquals(List.of("crazyman"), names(new EventQuery(null, null, "oo", null, null, null, null, false)));
        assertEquals(List.of("widgets"), names(new EventQuery(null, null, null, "Homer", null, null, null, false)));
        assertEquals(List.of("widgets", "widgets"), names(new EventQuery(null, null, null, null, null, 2, 1,
                false)));
        assertEquals(List.of("widgets", "users"), names(new EventQuery(List.of("deploy", "revert"), null, "^engine$",
                null, "Obama", null, 1, false)));
        RegistryEvent revert = registry.searchEvents(new EventQuery(List.of("revert"), null, null, null, null,
                null, null, false)).get(0);
        assertEquals(new RegistryEvent("revert", "engine", widgets.id(), "widgets", "All in", "users", "dr_evil",
                "", HOMER, Instant.parse("2026-11-23T20:00:00.002Z"), RegistryFixture.OBAMA,
                RegistryFixture.PLANNED), revert);
    }

    @Test
    void updatesLegacyScriptHashesFromThePlan() throws SQLException {
        registry.registerProject("engine", null);
        registry.recordDeploy(users);
        registry.recordDeploy(widgets);
        connection.createStatement().execute("UPDATE changes SET script_hash = change_id");
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put(users.id(), users.scriptHash());
        registry.updateScriptHashes("engine", hashes);
        assertEquals(List.of(row(users.id(), users.scriptHash()), row(widgets.id(), null)),
                rows(connection, "SELECT change_id, script_hash FROM changes ORDER BY committed_at"));
    }

    @Test
    void reportsSqliteConstraintErrorsWithSqlitesMessage() {
        registry.registerProject("engine", null);
        registry.recordDeploy(users);
        ChangeRecord sameScript = new ChangeRecord(RegistryFixture.sha1("other"), users.scriptHash(), "users2",
                "engine", "", RegistryFixture.PLANNED, RegistryFixture.OBAMA, List.of(), List.of(), List.of());
        SqitchException e = assertThrows(SqitchException.class, () -> registry.recordDeploy(sameScript));
        assertEquals("UNIQUE constraint failed: changes.project, changes.script_hash", e.getMessage());
        assertFalse(registry.isDeployedChange(sameScript.id()));
    }

    private List<String> names(EventQuery query) {
        return registry.searchEvents(query).stream().map(RegistryEvent::change).toList();
    }

    private static List<String> cat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
