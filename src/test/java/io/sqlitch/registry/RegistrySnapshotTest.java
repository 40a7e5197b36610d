package io.sqlitch.registry;

import static io.sqlitch.registry.RegistryFixture.FROZEN;
import static io.sqlitch.registry.RegistryFixture.MARGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySnapshotTest {

    @TempDir
    Path dir;

    /** Deploys one change of project "flipr" into a registry at {@code file}. */
    private static String deployOne(Path file) throws Exception {
        ChangeRecord change = RegistryFixture.change("flipr", "users", "Creates users", List.of(), List.of(),
                List.of());
        try (Connection c = RegistryDatabase.open(file)) {
            new RegistrySchema(c, RegistryDatabase.MAIN, FROZEN).initialize(MARGE, file.toString());
            Registry registry = new Registry(c, RegistryDatabase.MAIN, MARGE, FROZEN);
            registry.registerProject("flipr", null);
            registry.recordDeploy(change);
        }
        return change.id();
    }

    @Test
    void readsTheDeployedChangesAndLeavesAMissingFileAlone() throws Exception {
        Path file = dir.resolve("sqitch.db");
        String id = deployOne(file);
        RegistrySnapshot snapshot = RegistrySnapshot.read(file, "flipr", FROZEN);
        assertEquals(id, snapshot.current().orElseThrow().id());
        assertEquals(List.of(id), snapshot.deployed().stream().map(DeployedChange::id).toList());

        Path missing = dir.resolve("none.db");
        assertTrue(RegistrySnapshot.read(missing, "flipr", FROZEN).current().isEmpty());
        assertFalse(Files.exists(missing), "a read-only read never creates the registry");
    }

    /** A name with URI and driver syntax in it is that file, as RegistryDatabase opens it for writing. */
    @Test
    void readsARegistryWhoseNameLooksLikeDriverOptions() throws Exception {
        Path file = dir.resolve("odd name #1?mode=memory&cache=shared%20.db");
        String id = deployOne(file);
        assertEquals(List.of(id), RegistrySnapshot.read(file, "flipr", FROZEN).deployed().stream()
                .map(DeployedChange::id).toList());
        assertEquals(id, RegistrySnapshot.readOnly(file, FROZEN, store -> store.currentState("flipr"))
                .orElseThrow().id());
    }
}
