package io.sqlitch.command;

import java.util.function.Function;
import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import io.sqlitch.testing.VersionDifferences;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs one scripted authoring session through real Sqitch (one batched shell script) and through our commands in a
 * twin directory, then compares each step's stdout, stderr and exit value, and the resulting trees byte for byte.
 * Our clock is set, per step, to the time real Sqitch wrote into the plan, so plan files and change IDs match.
 */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class AuthoringDifferentialTest {

    private static final Pattern TIME = Pattern.compile(" (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ) ");

    /** Index of the first step that changes nothing (errors, plan, show). */
    private static final int READ_ONLY_FROM = 21;

    @TempDir
    Path tmp;

    /** One command: real Sqitch's arguments and the same call on our side. */
    private record Step(List<String> args, Function<CommandContext, ? extends CommandResult<?>> ours) {
    }

    private static Step step(List<String> args, Function<CommandContext, ? extends CommandResult<?>> ours) {
        return new Step(args, ours);
    }

    private static List<String> l(String... s) {
        return List.of(s);
    }

    private static PlanOptions plan(String format, boolean oneline, boolean headers, boolean reverse, Integer max,
                                    Integer skip, String changePattern, String event, Integer abbrev,
                                    String dateFormat) {
        return PlanOptions.builder().event(event).changePattern(changePattern).maxCount(max).skip(skip)
                .reverse(reverse).headers(headers).format(format).oneline(oneline).abbrev(abbrev).dateFormat(dateFormat)
                .build();
    }

    private static List<Step> session() {
        List<Step> s = new ArrayList<>();
        s.add(step(l("add", "users", "-n", "Users table."), c -> new AddCommand(c).execute(
                AddOptions.of("users", null, null, "Users table."))));
        s.add(step(l("add", "flips", "-r", "users", "-x", "nothing", "-n", "Flips."), c -> new AddCommand(c).execute(
                AddOptions.of("flips", List.of("users"), List.of("nothing"), "Flips."))));
        s.add(step(l("add", "sub/dir/thing", "-r", "flips", "-r", "users", "-n", "Nested."),
                c -> new AddCommand(c).execute(AddOptions.of("sub/dir/thing", List.of("flips", "users"), null,
                        "Nested."))));
        s.add(step(l("add", "--change", "café_ü", "-n", "Unicode é."), c -> new AddCommand(c).execute(
                AddOptions.of("café_ü", null, null, "Unicode é."))));
        s.add(step(l("add", "noverify", "--without", "verify", "--without", "revert", "-n", "No verify."),
                c -> new AddCommand(c).execute(AddOptions.builder().changeName("noverify")
                        .notes(List.of("No verify.")).without(List.of("verify", "revert")).build())));
        s.add(step(l("add", "ext", "-r", "other:thing", "-r", "users", "-x", "other:bad", "-n", "Cross project."),
                c -> new AddCommand(c).execute(AddOptions.of("ext", List.of("other:thing", "users"),
                        List.of("other:bad"), "Cross project."))));
        s.add(step(l("add", "custom", "--template-directory", "tmpl", "-s", "foo=bar", "-s", "list=a", "-s",
                        "list=b", "-r", "users", "-r", "flips", "-n", "Custom."),
                c -> new AddCommand(c).execute(AddOptions.builder().changeName("custom")
                        .requires(List.of("users", "flips")).notes(List.of("Custom.")).templateDirectory("tmpl")
                        .variables(Map.of("foo", List.of("bar"), "list", List.of("a", "b"))).build())));
        s.add(step(l("add", "custom2", "--template-directory", "tmpl", "--without", "test", "-n", "Plain custom."),
                c -> new AddCommand(c).execute(AddOptions.builder().changeName("custom2")
                        .notes(List.of("Plain custom.")).templateDirectory("tmpl").without(List.of("test")).build())));
        s.add(step(l("add", "special", "--template", "special", "--use", "verify=tmpl/deploy/sqlite.tmpl", "-n",
                "Home templates."), c -> new AddCommand(c).execute(AddOptions.builder().changeName("special")
                .notes(List.of("Home templates.")).templateName("special")
                .use(Map.of("verify", "tmpl/deploy/sqlite.tmpl")).build())));
        s.add(step(l("add", "multi", "-n", "First.", "-n", "Second."), c -> new AddCommand(c).execute(
                AddOptions.builder().changeName("multi").notes(List.of("First.", "Second.")).build())));
        s.add(step(l("add", "nonote", "-n", "Has a note."), c -> new AddCommand(c).execute(
                AddOptions.of("nonote", null, null, "Has a note."))));
        s.add(step(l("tag", "v1", "-n", "Tag one."), c -> new TagCommand(c).execute(
                TagOptions.of("v1", null, "Tag one."))));
        s.add(step(l("tag", "early", "flips", "-n", "Early tag."), c -> new TagCommand(c).execute(
                new TagOptions(null, null, List.of("Early tag."), false, List.of("early", "flips")))));
        s.add(step(l("tag", "--tag", "@second", "--change", "flips", "-n", "Second on flips."),
                c -> new TagCommand(c).execute(TagOptions.of("@second", "flips", "Second on flips."))));
        s.add(step(l("tag"), c -> new TagCommand(c).execute(TagOptions.of(null, null, null))));
        s.add(step(l("rework", "users", "-r", "flips", "-n", "Rework users."), c -> new ReworkCommand(c).execute(
                ReworkOptions.of("users", List.of("flips"), null, "Rework users."))));
        s.add(step(l("rework", "noverify", "-n", "Rework noverify."), c -> new ReworkCommand(c).execute(
                ReworkOptions.of("noverify", null, null, "Rework noverify."))));
        s.add(step(l("rework", "sub/dir/thing", "-x", "users", "-r", "other:x", "-n", "Nested rework."),
                c -> new ReworkCommand(c).execute(ReworkOptions.of("sub/dir/thing", List.of("other:x"),
                        List.of("users"), "Nested rework."))));
        s.add(step(l("tag", "v2", "-n", "Tag two."), c -> new TagCommand(c).execute(
                TagOptions.of("v2", null, "Tag two."))));
        s.add(step(l("tag", "v2b", "-n", "Second tag on HEAD."), c -> new TagCommand(c).execute(
                TagOptions.of("v2b", null, "Second tag on HEAD."))));
        s.add(step(l("rework", "users", "-n", "Rework users twice."), c -> new ReworkCommand(c).execute(
                ReworkOptions.of("users", null, null, "Rework users twice."))));
        // errors: nothing may change
        s.add(step(l("rework", "users", "-n", "Again."), c -> new ReworkCommand(c).execute(
                ReworkOptions.of("users", null, null, "Again."))));
        s.add(step(l("rework", "nosuch"), c -> new ReworkCommand(c).execute(ReworkOptions.of("nosuch", null, null,
                null))));
        s.add(step(l("add", "bad name!"), c -> new AddCommand(c).execute(AddOptions.of("bad name!", null, null,
                null))));
        s.add(step(l("add", "HEAD"), c -> new AddCommand(c).execute(AddOptions.of("HEAD", null, null, null))));
        s.add(step(l("add", "flips"), c -> new AddCommand(c).execute(AddOptions.of("flips", null, null, null))));
        s.add(step(l("add", "x", "-r", "nosuch"), c -> new AddCommand(c).execute(AddOptions.of("x",
                List.of("nosuch"), null, null))));
        s.add(step(l("add", "y", "--template-directory", "nodir"), c -> new AddCommand(c).execute(
                AddOptions.builder().changeName("y").templateDirectory("nodir").build())));
        s.add(step(l("add", "y", "--use", "deploy=nofile.tmpl"), c -> new AddCommand(c).execute(
                AddOptions.builder().changeName("y").use(Map.of("deploy", "nofile.tmpl")).build())));
        s.add(step(l("add", "y", "--template", "nosuch"), c -> new AddCommand(c).execute(
                AddOptions.builder().changeName("y").templateName("nosuch").build())));
        s.add(step(l("tag", "v1"), c -> new TagCommand(c).execute(TagOptions.of("v1", null, null))));
        s.add(step(l("tag", "bad/tag"), c -> new TagCommand(c).execute(TagOptions.of("bad/tag", null, null))));
        s.add(step(l("tag", "t9", "nosuch"), c -> new TagCommand(c).execute(TagOptions.of("t9", "nosuch", null))));
        // plan in several formats
        s.add(step(l("plan"), c -> new PlanCommand(c).execute(PlanOptions.defaults())));
        s.add(step(l("plan", "--oneline"), c -> new PlanCommand(c).execute(
                plan(null, true, true, false, null, null, null, null, null, null))));
        s.add(step(l("plan", "--format", "raw", "--max-count", "3", "--skip", "2"), c -> new PlanCommand(c).execute(
                plan("raw", false, true, false, 3, 2, null, null, null, null))));
        s.add(step(l("plan", "--format", "full", "--reverse", "--abbrev", "7"), c -> new PlanCommand(c).execute(
                plan("full", false, true, true, null, null, null, null, 7, null))));
        s.add(step(l("plan", "--format", "long", "--no-headers", "--change-pattern", "^u", "--date-format", "rfc"),
                c -> new PlanCommand(c).execute(plan("long", false, false, false, null, null, "^u", null, null,
                        "rfc"))));
        s.add(step(l("plan", "--format", "short", "--event", "deploy", "--max-count", "2", "--reverse"),
                c -> new PlanCommand(c).execute(plan("short", false, true, true, 2, null, null, "deploy", null,
                        null))));
        s.add(step(l("plan", "--format", "format:%h %n%t [%r] [%x] %{date:%Y}p", "--abbrev", "10"),
                c -> new PlanCommand(c).execute(plan("format:%h %n%t [%r] [%x] %{date:%Y}p", false, true, false,
                        null, null, null, null, 10, null))));
        s.add(step(l("plan", "--format", "nosuch"), c -> new PlanCommand(c).execute(
                plan("nosuch", false, true, false, null, null, null, null, null, null))));
        // show of each type
        s.add(step(l("show", "change", "users"), c -> new ShowCommand(c).execute(ShowOptions.of("change", "users"))));
        s.add(step(l("show", "change", "users@HEAD"), c -> new ShowCommand(c).execute(
                ShowOptions.of("change", "users@HEAD"))));
        s.add(step(l("show", "change", "users@v1"), c -> new ShowCommand(c).execute(
                ShowOptions.of("change", "users@v1"))));
        s.add(step(l("show", "change", "multi"), c -> new ShowCommand(c).execute(ShowOptions.of("change", "multi"))));
        s.add(step(l("show", "change", "ext"), c -> new ShowCommand(c).execute(ShowOptions.of("change", "ext"))));
        s.add(step(l("show", "tag", "v1"), c -> new ShowCommand(c).execute(ShowOptions.of("tag", "v1"))));
        s.add(step(l("show", "tag", "@early"), c -> new ShowCommand(c).execute(ShowOptions.of("tag", "@early"))));
        s.add(step(l("show", "tag", "nosuch"), c -> new ShowCommand(c).execute(ShowOptions.of("tag", "nosuch"))));
        s.add(step(l("show", "deploy", "custom"), c -> new ShowCommand(c).execute(ShowOptions.of("deploy",
                "custom"))));
        s.add(step(l("show", "revert", "users@HEAD"), c -> new ShowCommand(c).execute(ShowOptions.of("revert",
                "users@HEAD"))));
        s.add(step(l("show", "verify", "users@v1"), c -> new ShowCommand(c).execute(ShowOptions.of("verify",
                "users@v1"))));
        s.add(step(l("show", "verify", "noverify@HEAD"), c -> new ShowCommand(c).execute(ShowOptions.of("verify",
                "noverify@HEAD"))));
        s.add(step(l("show", "deploy", "users@v1"), c -> new ShowCommand(c).execute(ShowOptions.of("deploy",
                "users@v1"))));
        s.add(step(l("show", "revert", "users@v2"), c -> new ShowCommand(c).execute(ShowOptions.of("revert",
                "users@v2"))));
        s.add(step(l("show", "verify", "sub/dir/thing@v1"), c -> new ShowCommand(c).execute(
                ShowOptions.of("verify", "sub/dir/thing@v1"))));
        s.add(step(l("show", "change", "nosuch"), c -> new ShowCommand(c).execute(ShowOptions.of("change",
                "nosuch"))));
        s.add(step(l("show", "thing", "users"), c -> new ShowCommand(c).execute(ShowOptions.of("thing", "users"))));
        s.add(new Step(l("show", "--exists", "change", "nosuch"), c -> new ShowCommand(c).execute(
                new ShowOptions("change", "nosuch", null, true))));
        s.add(new Step(l("show", "--exists", "tag", "v1"), c -> new ShowCommand(c).execute(
                new ShowOptions("tag", "v1", null, true))));
        s.add(new Step(l("show", "-e", "verify", "noverify@v1"), c -> new ShowCommand(c).execute(
                new ShowOptions("verify", "noverify@v1", null, true))));
        return s;
    }

    private static void writeTemplates(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tmpl/deploy"));
        Files.createDirectories(dir.resolve("tmpl/revert"));
        Files.createDirectories(dir.resolve("tmpl/test"));
        Files.writeString(dir.resolve("tmpl/deploy/sqlite.tmpl"), """
                -- Custom deploy [% project %]:[% change %] on [% engine %]
                [% FOREACH item IN requires -%]
                -- needs [% item %]
                [% END -%]
                [% IF foo -%]
                -- foo is [% foo %]
                [% ELSE -%]
                -- no foo
                [% END -%]
                [% FOREACH x IN list %]<[% x %]>[% END %]
                [% UNLESS conflicts.size %]-- no conflicts[% END %]
                """);
        Files.writeString(dir.resolve("tmpl/revert/sqlite.tmpl"), "-- Revert [% change %]\n");
        Files.writeString(dir.resolve("tmpl/test/sqlite.tmpl"), "-- Test [% change %] é\n");
    }

    /**
     * The batch for real Sqitch: one bash run; the steps from {@code readOnlyFrom} on change no files, so they run
     * four at a time.
     */
    private static String script(List<Step> steps, int readOnlyFrom) {
        StringBuilder sb = new StringBuilder("cd \"$1\"\n");
        for (int i = 0; i < steps.size(); i++) {
            sb.append("( /usr/bin/sqitch");
            for (String a : steps.get(i).args()) {
                sb.append(" '").append(a.replace("'", "'\\''")).append('\'');
            }
            sb.append(String.format(" >\"$2/%03d.out\" 2>\"$2/%03d.err\" </dev/null; echo $? >\"$2/%03d.rc\"; "
                    + "find . -name '*.plan' | sort | xargs cat >\"$2/%03d.plan\" )", i, i, i, i));
            sb.append(i < readOnlyFrom ? "\n" : (i - readOnlyFrom) % 4 == 3 ? " &\nwait\n" : " &\n");
        }
        return sb.append("wait\n").toString();
    }

    private static Map<String, byte[]> tree(Path root) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** The time of the entry a step added: the first line of the plans that the previous plans lack. */
    private static Instant addedTime(String before, String after, Instant fallback) {
        Set<String> old = new HashSet<>(List.of(before.split("\n")));
        for (String line : after.split("\n")) {
            Matcher m = TIME.matcher(line);
            if (!old.contains(line) && m.find()) {
                return Instant.parse(m.group(1));
            }
        }
        return fallback;
    }

    @Test
    void authoringSessionMatchesRealSqitch() throws Exception {
        RealSqitch.assumeSqitch();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("user.conf"),
                "[user]\n\tname = Zoë Planner\n\temail = zoe@example.com\n", StandardCharsets.UTF_8);
        Map<String, String> env = RealSqitch.env(home);
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path ours = Files.createDirectories(tmp.resolve("ours"));
        RealSqitch.Result init = RealSqitch.run(real, env, l("init", "proj", "--engine", "sqlite", "--uri",
                "https://example.com/proj"));
        assertEquals(0, init.exitValue(), init.stderr());
        writeTemplates(real);
        Files.writeString(real.resolve("sqitch.conf"), "[add \"variables\"]\n\tfoo = fromconfig\n",
                StandardOpenOption.APPEND);
        for (String script : List.of("deploy", "revert", "verify")) {
            Path dir = Files.createDirectories(home.resolve(".sqitch/templates").resolve(script));
            Files.writeString(dir.resolve("special.tmpl"), "-- home " + script + " [% change %] [% foo %]\n");
        }
        assertEquals("", compare(real, ours, home, env, session(), READ_ONLY_FROM));
    }

    @Test
    void addTagAndReworkWithAllTargetsMatchRealSqitch() throws Exception {
        RealSqitch.assumeSqitch();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("user.conf"), "[user]\n\tname = Al\n\temail = al@example.com\n");
        Map<String, String> env = RealSqitch.env(home);
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path ours = Files.createDirectories(tmp.resolve("ours"));
        assertEquals(0, RealSqitch.run(real, env, l("init", "proj", "--engine", "sqlite")).exitValue());
        assertEquals(0, RealSqitch.run(real, env, l("target", "add", "t2", "db:sqlite:t2.db", "--plan-file",
                "other/sqitch.plan", "--top-dir", "other")).exitValue());
        List<Step> steps = List.of(
                step(l("add", "--all", "w", "-n", "x"), c -> new AddCommand(c).execute(AddOptions.builder().changeName("w")
                        .notes(List.of("x")).all(true).build())),
                step(l("add", "v", "t2", "-n", "only t2"), c -> new AddCommand(c).execute(AddOptions.builder()
                        .notes(List.of("only t2")).args(List.of("v", "t2")).build())),
                step(l("tag", "--all", "v1", "-n", "t"), c -> new TagCommand(c).execute(
                        new TagOptions("v1", null, List.of("t"), true, List.of()))),
                step(l("rework", "--all", "w", "-n", "r"), c -> new ReworkCommand(c).execute(
                        ReworkOptions.builder().changeName("w").notes(List.of("r")).all(true).build())),
                step(l("plan", "t2", "--oneline"), c -> new PlanCommand(c).execute(PlanOptions.builder()
                        .oneline(true).args(List.of("t2")).build())),
                step(l("tag", "t2"), c -> new TagCommand(c).execute(new TagOptions(null, null, null, false,
                        List.of("t2")))));
        assertEquals("", compare(real, ours, home, env, steps, steps.size()));
    }

    /** Copies {@code real} to {@code ours}, runs the steps in both, returns the differences ("" when none). */
    private String compare(Path real, Path ours, Path home, Map<String, String> env, List<Step> steps,
                           int readOnlyFrom) throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results"));
        for (Map.Entry<String, byte[]> f : tree(real).entrySet()) {
            Path to = ours.resolve(f.getKey());
            Files.createDirectories(to.getParent());
            Files.write(to, f.getValue());
        }
        for (String d : List.of("deploy", "revert", "verify")) {
            Files.createDirectories(ours.resolve(d));
        }
        Path batch = tmp.resolve("session.sh");
        Files.writeString(batch, script(steps, readOnlyFrom));
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", batch.toString(), real.toString(), results.toString());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        assertEquals(0, pb.start().waitFor());

        String previousPlan = "";
        Instant lastTime = Instant.parse("2030-01-01T00:00:00Z");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String n = String.format("%03d", i);
            String realPlan = Files.readString(results.resolve(n + ".plan"));
            lastTime = addedTime(previousPlan, realPlan, lastTime);
            previousPlan = realPlan;
            Capture capture = new Capture();
            CommandContext ctx = new CommandContext(new RunContext(ours, env, Clock.fixed(lastTime, ZoneOffset.UTC),
                    home), TargetOptions.none(), capture, null);
            Step step = steps.get(i);
            RealSqitch.Result got = capture.run(() -> step.ours().apply(ctx));
            RealSqitch.Result want = VersionDifferences.as161(new RealSqitch.Result(
                    Files.readString(results.resolve(n + ".out")), Files.readString(results.resolve(n + ".err")),
                    Integer.parseInt(Files.readString(results.resolve(n + ".rc")).trim())));
            if (want.exitValue() == 255) {
                // Sqitch dies in configure(), outside its handler: message + Perl stack trace, exit 255. We report
                // the message as an ordinary error (exit 2).
                want = new RealSqitch.Result(want.stdout(), want.stderr().substring(0,
                        want.stderr().indexOf('\n') + 1), 2);
            }
            if (!want.equals(got)) {
                mismatches.add("step " + n + " " + step.args() + "\n--- sqitch: " + want + "\n--- ours:   " + got);
            }
        }
        Map<String, byte[]> realTree = tree(real);
        Map<String, byte[]> ourTree = tree(ours);
        if (!realTree.keySet().equals(ourTree.keySet())) {
            mismatches.add("file lists\n--- sqitch: " + realTree.keySet() + "\n--- ours:   " + ourTree.keySet());
        }
        for (String f : realTree.keySet()) {
            if (!java.util.Arrays.equals(realTree.get(f), ourTree.getOrDefault(f, new byte[0]))) {
                mismatches.add("file " + f + "\n--- sqitch:\n" + new String(realTree.get(f), StandardCharsets.UTF_8)
                        + "\n--- ours:\n" + new String(ourTree.getOrDefault(f, new byte[0]), StandardCharsets.UTF_8));
            }
        }
        return mismatches.stream().collect(Collectors.joining("\n\n"));
    }
}
