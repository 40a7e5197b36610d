package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.registry.RegistryDatabase;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code sqitch checkout} between two git branches: real sqitch in one copy of a repository, ours in another. */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class CheckoutDifferentialTest {

    private static final String SETUP = """
            set -e
            git init -q -b main .
            git config user.name Tester && git config user.email tester@example.com
            printf '*.db\\n' > .gitignore
            sqitch init flipr --engine sqlite --target db:sqlite:app.db >/dev/null
            sqitch add a -n 'Change a.' >/dev/null
            sqitch add b -n 'Change b.' >/dev/null
            sqitch tag v1 -n 'Tag v1.' >/dev/null
            git add . && git commit -qm base
            git checkout -q -b feature
            sqitch add c -n 'Change c.' >/dev/null
            git add . && git commit -qm c
            git checkout -q main
            sqitch add d -n 'Change d.' >/dev/null
            git add . && git commit -qm d
            sqitch deploy >/dev/null
            """;

    @TempDir
    Path tmp;

    @Test
    void checkoutRevertsToTheCommonChangeSwitchesBranchAndDeploysLikeSqitch() throws Exception {
        RealSqitch.assumeSqitch();
        RealSqitch.assume(Files.isExecutable(Path.of("/usr/bin/git")), "git");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = RealSqitch.env(home);
        Files.writeString(home.resolve("user.conf"), "[user]\n\tname = Tester\n\temail = tester@example.com\n",
                StandardCharsets.UTF_8);
        Path real = Files.createDirectories(tmp.resolve("real"));
        assertEquals(0, bash(real, env, SETUP).exitValue(), "setup");
        Path ours = tmp.resolve("ours");
        assertEquals(0, bash(tmp, env, "cp -a real ours").exitValue());

        for (List<String> args : List.<List<String>>of(List.of(), List.of("main"), List.of("-y", "feature"), List.of("-y", "main"),
                List.of("nonesuch"))) {
            RealSqitch.Result expected = bash(real, env, "sqitch checkout " + String.join(" ", args));
            Capture capture = new Capture();
            CommandContext ctx = new CommandContext(new RunContext(ours, env, Clock.systemUTC(), home),
                    TargetOptions.none(), capture, null);
            RealSqitch.Result actual = capture.run(() -> new CheckoutCommand(ctx).execute(CheckoutOptions.builder()
                    .args(args.stream().filter(a -> !a.equals("-y")).toList())
                    .noPrompt(args.contains("-y") ? Boolean.TRUE : null).build()));
            String label = "checkout " + args;
            assertEquals(expected.stdout(), actual.stdout(), "stdout of " + label);
            assertEquals(expected.stderr(), actual.stderr(), "stderr of " + label);
            assertEquals(expected.exitValue(), actual.exitValue(), "exit of " + label);
            assertEquals(deployed(real), deployed(ours), "deployed changes after " + label);
            assertEquals(bash(real, env, "git rev-parse --abbrev-ref HEAD").stdout(),
                    bash(ours, env, "git rev-parse --abbrev-ref HEAD").stdout(), "branch after " + label);
        }
    }

    private static List<String> deployed(Path dir) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = RegistryDatabase.open(dir.resolve("sqitch.db")); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT change FROM changes ORDER BY committed_at")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static RealSqitch.Result bash(Path dir, Map<String, String> env, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = Files.createTempFile(dir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        int rc = pb.start().waitFor();
        RealSqitch.Result r = new RealSqitch.Result(Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), rc);
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
