package io.sqlitch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a deploy never leaves the registry and the schema disagreeing, and the next run completes. A few
 * trials here (system property {@code sqlitch.crashTrials} for more); {@code CRASH_TRIALS=50 bench/run.sh} runs
 * the full series.
 */
class CrashSafetyTest {

    @TempDir
    Path tmp;

    @Test
    void killedDeploysLeaveRegistryAndSchemaInAgreementAndTheReRunCompletes() throws Exception {
        int kills = Integer.getInteger("sqlitch.crashTrials", 3);
        CrashTrials.Summary s = CrashTrials.run(tmp, kills, 20261123L, System.out);
        assertEquals(kills, s.kills());
        // Each kill came after the child reported k > 0 changes deployed, and the registry then held them
        // (CrashTrials checks that and registry = schema after every kill, throwing on any disagreement).
        assertTrue(s.fewestChangesBeforeKill() > 0 && s.fewestChangesBeforeKill() < CrashTrials.CHANGES, s.toString());
        assertTrue(s.killedMidDeploy() >= 1, "a kill left a partly deployed plan: " + s);
        assertTrue(s.completedRuns() >= 1);
    }
}
