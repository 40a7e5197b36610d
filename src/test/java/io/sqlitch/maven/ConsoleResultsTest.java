package io.sqlitch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.console.Output;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleResultsTest {

    private final List<String> log = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stdout = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private final Output logged = new Output() {
        @Override public void info(String line) { log.add("info: " + line); }
        @Override public void emit(String line) { log.add("emit: " + line); }
        @Override public void warn(String line) { log.add("warn: " + line); }
        @Override public void vent(String line) { log.add("vent: " + line); }
    };

    private String stdout() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quietMavenStillPrintsTheStdoutOfAResultGoalAsSqitchWould() {
        ConsoleResults out = new ConsoleResults(logged, stdout, "status", false);
        out.comment("On database db:sqlite:x.db");
        out.info("a progress line");
        out.emit("Nothing to deploy (up-to-date)");
        out.warn("careful");
        out.vent("broken");
        assertEquals("# On database db:sqlite:x.db\na progress line\nNothing to deploy (up-to-date)\n", stdout());
        assertEquals(List.of("emit: # On database db:sqlite:x.db", "info: a progress line",
                "emit: Nothing to deploy (up-to-date)", "warn: careful", "vent: broken"), log);
    }

    @Test
    void sqitchQuietSilencesProgressLinesOnStdoutToo() {
        ConsoleResults out = new ConsoleResults(logged, stdout, "log", true);
        out.info("progress");
        out.emit("result");
        assertEquals("result\n", stdout());
    }

    @Test
    void aGoalThatChangesADatabasePrintsOnlyItsSummaryOnStdout() {
        ConsoleResults out = new ConsoleResults(logged, stdout, "deploy", false);
        out.info("  + users .. ok");
        out.emit("result of a script");
        out.result("Deployed 1 change in 0.10 s");
        assertEquals("Deployed 1 change in 0.10 s\n", stdout());
        assertEquals("emit: Deployed 1 change in 0.10 s", log.get(2));
    }

    @Test
    void withMavensLogAtInfoNothingGoesToStdout() {
        ConsoleResults out = new ConsoleResults(logged, null, "status", false);
        out.emit("Nothing to deploy (up-to-date)");
        out.result("0 changes undeployed");
        assertEquals("", stdout());
        assertEquals(2, log.size());
    }
}
