package io.sqlitch.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Sqitch and this registry on the same database: Sqitch deploys, we read its rows; we deploy a further
 * change, Sqitch reports, logs and reverts it.
 */
class RegistrySqitchDifferentialTest {

    private static final Path SQITCH = Path.of("/usr/bin/sqitch");
    private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");
    private static final Identity MARGE = new Identity("Marge N. O’Vera", "marge@example.com");

    @TempDir
    Path tmp;

    record Result(int rc, String out, String err) {
    }

    @Test
    void sqitchAndThisRegistryReadEachOthersRows() throws Exception {
        io.sqlitch.testing.RealSqitch.assume(Files.isExecutable(SQITCH) && Files.isExecutable(SQLITE3), "sqitch and sqlite3");
        Path project = tmp.resolve("flipr");
        writeProject(project);
        Result deploy = sqitch(project, "deploy", "db:sqlite:flipr.db");
        io.sqlitch.testing.RealSqitch.assume(!deploy.err().contains("DBD::SQLite"), "DBD::SQLite for sqitch: " + deploy.err());
        assertEquals(0, deploy.rc(), deploy.err());

        // 1. The schema Sqitch created equals ours, statement for statement.
        Path ours = tmp.resolve("ours.db");
        try (Connection c = RegistryDatabase.open(ours)) {
            new RegistrySchema(c, "main", Clock.systemUTC()).initialize(MARGE, "ours.db");
        }
        assertEquals(RegistrySchemaTest.createStatements(dump(project.resolve("sqitch.db"))),
                RegistrySchemaTest.createStatements(dump(ours)));

        // 2. We read Sqitch's rows.
        String usersId;
        String flipsId;
        try (Connection c = RegistryDatabase.open(project.resolve("sqitch.db"))) {
            RegistrySchema schema = new RegistrySchema(c, "main", Clock.systemUTC());
            assertEquals("1.1", schema.version());
            Registry registry = new Registry(c, "main", MARGE, Clock.systemUTC());
            assertEquals(List.of("flipr"), registry.registeredProjects());
            List<DeployedChange> deployed = registry.deployedChanges("flipr");
            assertEquals(List.of("users", "flips"), deployed.stream().map(DeployedChange::name).toList());
            usersId = deployed.get(0).id();
            flipsId = deployed.get(1).id();
            DeployedChange state = registry.currentState("flipr").orElseThrow();
            assertEquals(flipsId, state.id());
            assertEquals(List.of("@v1.0"), state.tags());
            assertEquals(MARGE, state.committer());
            assertEquals("Flips.", state.note());
            assertEquals(Instant.parse("2026-11-23T20:01:00Z"), state.plannedAt());
            assertEquals(sha1(project.resolve("deploy/flips.sql")), state.scriptHash());
            assertTrue(Math.abs(state.committedAt().toEpochMilli() - System.currentTimeMillis()) < 600_000);
            List<RegistryEvent> events = registry.searchEvents(EventQuery.all());
            assertEquals(List.of("flips", "users"), events.stream().map(RegistryEvent::change).toList());
            assertEquals("users", events.get(0).requires());
            assertEquals("@v1.0", events.get(0).tags());
            assertEquals(Optional.of("users@v1.0"), registry.nameForChangeId(usersId));
            assertEquals(Optional.of(flipsId), registry.changeIdForKey("@v1.0", "flipr", null));
            assertEquals(Optional.of(usersId), registry.changeIdForKey("flips^", "flipr", null));
            assertEquals("flips@v1.0", registry.changesRequiringChange(usersId).get(0).change()
                    + registry.changesRequiringChange(usersId).get(0).asofTag());
        }

        // 3. We deploy a further change, the registry attached to the target's connection.
        Files.writeString(project.resolve("sqitch.plan"),
                "lists [users] 2026-11-23T20:03:00Z Marge N. O’Vera <marge@example.com> # Lists.\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Result plan = sqitch(project, "plan", "--no-headers", "--format", "format:%H %n");
        Map<String, String> ids = plan.out().lines().map(l -> l.split(" ", 2))
                .collect(Collectors.toMap(p -> p[1], p -> p[0]));
        String listsId = ids.get("lists");
        try (Connection target = RegistryDatabase.open(project.resolve("flipr.db"))) {
            RegistryDatabase.attach(target, project.resolve("sqitch.db"), "sqitch");
            Registry registry = new Registry(target, "sqitch", MARGE, Clock.systemUTC());
            new RegistrySchema(target, "sqitch", Clock.systemUTC()).check("db:sqlite:sqitch.db");
            registry.registerProject("flipr", "https://example.com/flipr/");
            String resolved = registry.changeIdForDepend(null, "users", null, "flipr").orElseThrow();
            target.setAutoCommit(false);
            try (Statement st = target.createStatement()) {
                st.execute(Files.readString(project.resolve("deploy/lists.sql")));
            }
            registry.recordDeploy(new ChangeRecord(listsId, sha1(project.resolve("deploy/lists.sql")), "lists",
                    "flipr", "Lists.", Instant.parse("2026-11-23T20:03:00Z"), MARGE,
                    List.of(Dependency.requires("users", resolved)), List.of(), List.of()));
            target.commit();
            target.setAutoCommit(true);
        }

        // 4. Sqitch reports and logs it, then reverts it.
        Result status = sqitch(project, "status", "db:sqlite:flipr.db");
        assertEquals(0, status.rc(), status.err());
        assertTrue(status.out().contains("# Change:   " + listsId + "\n# Name:     lists\n# Deployed: "),
                status.out());
        assertTrue(status.out().endsWith("# By:       Marge N. O’Vera <marge@example.com>\n# \n"
                + "Nothing to deploy (up-to-date)\n"), status.out());
        Result log = sqitch(project, "log", "db:sqlite:flipr.db");
        assertEquals(0, log.rc(), log.err());
        assertTrue(log.out().startsWith("On database db:sqlite:flipr.db\nDeploy " + listsId + "\nName:      lists\n"),
                log.out());
        Result revert = sqitch(project, "revert", "-y", "--to", "@v1.0", "db:sqlite:flipr.db");
        assertEquals(0, revert.rc(), revert.err());
        assertTrue(revert.out().contains("  - lists .. ok\n"), revert.out());

        try (Connection c = RegistryDatabase.open(project.resolve("sqitch.db"))) {
            Registry registry = new Registry(c, "main", MARGE, Clock.systemUTC());
            assertEquals(flipsId, registry.currentState("flipr").orElseThrow().id());
            RegistryEvent last = registry.searchEvents(EventQuery.all()).get(0);
            assertEquals(List.of("revert", listsId, "users"), List.of(last.event(), last.changeId(), last.requires()));
            assertEquals(List.of(), registry.changesRequiringChange(flipsId));
        }
    }

    @Test
    void upgradesAPre10RegistryExactlyAsSqitchUpgradeDoes() throws Exception {
        io.sqlitch.testing.RealSqitch.assume(Files.isExecutable(SQITCH) && Files.isExecutable(SQLITE3), "sqitch and sqlite3");
        Path project = tmp.resolve("flipr");
        writeProject(project);
        Path theirs = project.resolve("theirs.db");
        Path ours = project.resolve("ours.db");
        for (Path db : List.of(theirs, ours)) {
            try (Connection c = RegistryDatabase.open(db)) {
                RegistrySchemaTest.createPre10Registry(c);
            }
        }
        Result upgrade = sqitch(project, "upgrade", "--registry", "theirs", "db:sqlite:target.db");
        io.sqlitch.testing.RealSqitch.assume(!upgrade.err().contains("DBD::SQLite"), "DBD::SQLite for sqitch: " + upgrade.err());
        assertEquals(0, upgrade.rc(), upgrade.err());
        List<String> info = new java.util.ArrayList<>();
        try (Connection c = RegistryDatabase.open(ours)) {
            new RegistrySchema(c, "main", Clock.systemUTC()).upgrade(MARGE, info::add);
        }
        assertEquals("Upgrading registry db:sqlite:theirs.db to version 1.1\n" + String.join("\n", info) + "\n",
                upgrade.out());
        String time = "'\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)?'";
        assertEquals(dump(theirs).replaceAll(time, "'T'"), dump(ours).replaceAll(time, "'T'"));
    }

    private static void writeProject(Path project) throws IOException {
        for (String dir : List.of("deploy", "revert", "verify")) {
            Files.createDirectories(project.resolve(dir));
        }
        Files.writeString(project.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n");
        Files.writeString(project.resolve("sqitch.plan"), """
                %syntax-version=1.0.0
                %project=flipr
                %uri=https://example.com/flipr/

                users 2026-11-23T20:00:00Z Marge N. O’Vera <marge@example.com> # Users.
                flips [users] 2026-11-23T20:01:00Z Marge N. O’Vera <marge@example.com> # Flips.
                @v1.0 2026-11-23T20:02:00Z Marge N. O’Vera <marge@example.com> # Tag v1.0.
                """, StandardCharsets.UTF_8);
        for (String change : List.of("users", "flips", "lists")) {
            Files.writeString(project.resolve("deploy/" + change + ".sql"), "CREATE TABLE " + change + " (x TEXT);\n");
            Files.writeString(project.resolve("revert/" + change + ".sql"), "DROP TABLE " + change + ";\n");
            Files.writeString(project.resolve("verify/" + change + ".sql"), "SELECT x FROM " + change + " WHERE 0;\n");
        }
    }

    private Result sqitch(Path project, String... args) throws IOException, InterruptedException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("user.conf"),
                "[user]\n\tname = Marge N. O’Vera\n\temail = marge@example.com\n", StandardCharsets.UTF_8);
        List<String> command = new java.util.ArrayList<>(List.of(SQITCH.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SQITCH_") || k.equals("PAGER") || k.equals("VISUAL"));
        env.put("HOME", home.toString());
        env.put("SQITCH_USER_CONFIG", home.resolve("user.conf").toString());
        env.put("SQITCH_SYSTEM_CONFIG", home.resolve("nonexistent").toString());
        env.put("TZ", "UTC");
        env.put("LC_ALL", "C.UTF-8");
        env.put("LANG", "C.UTF-8");
        env.put("EDITOR", "true");
        int rc = pb.start().waitFor();
        return new Result(rc, Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
    }

    private static String dump(Path db) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SQLITE3.toString(), db.toString(), ".dump").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static String sha1(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }
}
