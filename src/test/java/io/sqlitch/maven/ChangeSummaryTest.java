package io.sqlitch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.console.Output;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSummaryTest {

    private final List<String> log = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ChangeSummary summary(String goal, boolean enabled) {
        Output logged = new Output() {
            @Override public void info(String line) { log.add(line); }
            @Override public void emit(String line) { log.add(line); }
            @Override public void warn(String line) { log.add(line); }
            @Override public void vent(String line) { log.add(line); }
        };
        PrintStream stdout = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        return new ChangeSummary(new ConsoleResults(logged, stdout, goal, false), goal, enabled, 1_000_000_000L);
    }

    @Test
    void deployCountsEveryChangeItStartedAndSaysHowLongItTook() {
        ChangeSummary out = summary("deploy", true);
        out.info("Deploying changes to db:sqlite:x.db");
        out.info("  + users .... ok");
        out.info("  + flips @v1 .. script output"); // script output ends the piece before "ok"
        out.info("ok");
        out.finish(3_456_000_000L);
        assertEquals("Deployed 2 changes in 2.46 s", log.get(log.size() - 1));
        assertEquals("Deployed 2 changes in 2.46 s\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void revertVerifyAndRebaseSayWhatTheyDid() {
        ChangeSummary revert = summary("revert", true);
        revert.info("  - flips .. ok");
        revert.finish(1_000_000_000L);
        assertEquals("Reverted 1 change in 0.00 s", log.get(log.size() - 1));

        ChangeSummary verify = summary("verify", true);
        verify.emit("  * users .. ok");
        verify.emit("  * flips .. ok");
        verify.emit("Verify successful");
        verify.finish(1_500_000_000L);
        assertEquals("Verified 2 changes in 0.50 s", log.get(log.size() - 1));

        ChangeSummary rebase = summary("rebase", true);
        rebase.info("  - flips .. ok");
        rebase.info("  + flips .. ok");
        rebase.info("  + more .. ok");
        rebase.finish(1_000_000_000L);
        assertEquals("Reverted 1 change and deployed 2 changes in 0.00 s", log.get(log.size() - 1));
    }

    @Test
    void statusCountsTheUndeployedChangesItListed() {
        ChangeSummary out = summary("status", true);
        out.comment("Name:     users");
        out.emit("Undeployed changes:");
        out.emit("  * flips");
        out.emit("  * more @v1");
        out.finish(2_000_000_000L);
        assertEquals("2 changes undeployed", log.get(log.size() - 1));

        ChangeSummary upToDate = summary("status", true);
        upToDate.emit("Nothing to deploy (up-to-date)");
        upToDate.finish(2_000_000_000L);
        assertEquals("0 changes undeployed", log.get(log.size() - 1));
    }

    @Test
    void statusWithoutAListAndAnyGoalWithTheSwitchOffPrintNothingMore() {
        ChangeSummary nothing = summary("status", true);
        nothing.emit("No changes deployed");
        nothing.finish(2_000_000_000L);
        ChangeSummary off = summary("deploy", false);
        off.info("  + users .. ok");
        off.finish(2_000_000_000L);
        ChangeSummary other = summary("log", true);
        other.emit("  * something");
        other.finish(2_000_000_000L);
        assertEquals(List.of("No changes deployed", "  + users .. ok", "  * something"), log);
    }
}
