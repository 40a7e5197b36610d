package io.sqlitch.command;

import java.util.function.Function;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.RunContext;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last authoring and show differences, each run with real sqitch and with our command on twin projects:
 * output, exit value and every file (plan timestamps masked) must be equal.
 */
class AuthoringParityDifferentialTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsSqitch() {
        RealSqitch.assumeSqitch();
    }

    private EngineProject theirs;
    private EngineProject ours;

    /** Twin projects with this sqitch.conf (the flipr plan with users and flips). */
    private void twins(String conf) {
        theirs = new EngineProject(tmp.resolve("theirs"));
        theirs.add("users", "").add("flips", "users");
        theirs.write("sqitch.conf", conf);
        ours = theirs.copyTo(tmp.resolve("ours"));
    }

    private void step(List<String> args, Function<CommandContext, ? extends CommandResult<?>> command) {
        RealSqitch.Result expected = theirs.sqitch(args.toArray(String[]::new));
        RealSqitch.Result actual = ours.ours(command);
        assertEquals(PositionalArgumentsDifferentialTest.text(expected),
                PositionalArgumentsDifferentialTest.text(actual), "step " + args);
        assertEquals(tree(theirs.dir), tree(ours.dir), "files after " + args);
    }

    @Test
    void addWithATargetTakesTheEngineFromItsUri() {
        twins("[core]\n\ttop_dir = .\n");
        step(List.of("add", "c", "db:sqlite:test.db", "-n", "Adds c."), ctx -> new AddCommand(ctx).execute(
                AddOptions.builder().notes(List.of("Adds c."))
                        .args(List.of("c", "db:sqlite:test.db")).build()));
        step(List.of("add", "d", "-n", "Adds d."), ctx -> new AddCommand(ctx).execute(
                AddOptions.of("d", null, null, "Adds d.")));
    }

    @Test
    void showPrintsScriptsAsRawBytes() throws IOException {
        twins("[core]\n\tengine = sqlite\n");
        byte[] script = {'-', '-', ' ', 'c', 'a', 'f', (byte) 0xE9, '\r', '\n', 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1',
            ';', '\r', '\n', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xE2, (byte) 0x80, (byte) 0x99};
        for (String type : List.of("deploy", "revert", "verify")) {
            Files.write(theirs.dir.resolve(type + "/users.sql"), script);
            Files.write(ours.dir.resolve(type + "/users.sql"), script);
            byte[] expected = RealSqitch.stdoutBytes(theirs.dir, theirs.env, List.of("show", type, "users"));
            Capture capture = new Capture();
            CommandContext ctx = new CommandContext(new RunContext(ours.dir, ours.env, Clock.systemUTC(),
                    ours.home), TargetOptions.none(), capture, null);
            assertEquals(0, capture.run(() -> new ShowCommand(ctx).execute(ShowOptions.of(type, "users")))
                    .exitValue());
            assertEquals(hex(expected), hex(capture.stdoutBytes()), "show " + type + " users");
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** Every file under {@code dir}, with plan timestamps masked (each side wrote its own). */
    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                files.put(dir.relativize(p).toString(), p.getFileName().toString().endsWith(".db") ? "<db>"
                        : text.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<TIME>"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
