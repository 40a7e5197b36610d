package io.sqlitch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.GeneratedProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four processes deploy one project to one database at once: each change is deployed exactly once. */
class ConcurrentDeployTest {

    @TempDir
    Path tmp;

    record Run(int exit, String stdout, String stderr) {
    }

    @Test
    void fourProcessesDeployEachChangeExactlyOnceTheOthersWaitOrTimeOut() throws Exception {
        int n = 30;
        GeneratedProject p = GeneratedProject.create(tmp, n);
        List<Process> children = new ArrayList<>();
        // Three wait as long as Sqitch's default allows; one gives up at once if it is not first.
        for (String timeout : List.of("60", "60", "60", "0")) {
            children.add(DeployChild.command(p.dir(), p.home(), timeout).start());
        }
        List<Run> runs = new ArrayList<>();
        for (Process c : children) {
            String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // The test classpath's SLF4J complains of having no binding; that is not our output.
            String err = new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^SLF4J: .*\n", "");
            assertTrue(c.waitFor(90, TimeUnit.SECONDS));
            runs.add(new Run(c.exitValue(), out, err));
        }
        int deployers = 0;
        for (Run r : runs) {
            if (r.exit() == 2) {
                assertEquals("Timed out waiting 0 seconds for another instance of Sqitch to finish work on"
                        + " db:sqlite:bench.db\n", r.stderr(), r.toString());
                continue;
            }
            assertEquals(0, r.exit(), r.toString());
            assertEquals("", r.stderr());
            String out = r.stdout().replaceFirst("^Blocked by another instance of Sqitch working on db:sqlite:bench.db;"
                    + " waiting \\d+ seconds...\n", "");
            if (out.contains("Deploying changes")) {
                deployers++;
                assertEquals(n + 2, out.lines().count(), out);
            } else {
                assertEquals("Nothing to deploy (up-to-date)\n", out);
            }
        }
        assertEquals(1, deployers, runs.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p.dir().resolve("sqitch.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM changes),"
                     + " (SELECT count(*) FROM events WHERE event = 'deploy'),"
                     + " (SELECT count(DISTINCT change_id) FROM events WHERE event = 'deploy'),"
                     + " (SELECT count(*) FROM events WHERE event <> 'deploy')")) {
            assertTrue(rs.next());
            assertEquals(List.of(n, n, n, 0), List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
        }
    }
}
