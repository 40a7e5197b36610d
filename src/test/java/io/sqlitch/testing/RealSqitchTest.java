package io.sqlitch.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing oracle skips a differential test, except under -Dsqlitch.requireOracle (CI), where it fails it. */
class RealSqitchTest {

    @Test
    void aMissingOracleSkipsUnlessRequiredThenFails() {
        String before = System.getProperty(RealSqitch.REQUIRE);
        try {
            System.clearProperty(RealSqitch.REQUIRE);
            assertThrows(TestAbortedException.class, () -> RealSqitch.assume(false, "sqitch"));
            System.setProperty(RealSqitch.REQUIRE, "");
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RealSqitch.assume(false, "sqitch"));
            assertTrue(e.getMessage().contains("-Dsqlitch.requireOracle"), e.getMessage());
            RealSqitch.assume(true, "sqitch");
        } finally {
            if (before == null) {
                System.clearProperty(RealSqitch.REQUIRE);
            } else {
                System.setProperty(RealSqitch.REQUIRE, before);
            }
        }
    }

    @Test
    void theOracleRecordingIsTheCommittedCopy() {
        assertTrue(Files.isRegularFile(RealSqitch.tutorialOracle().resolve("021-verify-broken.cmd")));
        assertTrue(RealSqitch.tutorialOracle().startsWith(RealSqitch.projectRoot()));
    }
}
