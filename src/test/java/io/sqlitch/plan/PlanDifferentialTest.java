package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import io.sqlitch.testing.VersionDifferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Generates varied plans, runs real Sqitch on them (one batched shell script) and compares change IDs, tag infos,
 * the ambiguity error and the whole rewritten file after {@code sqitch tag} and {@code sqitch add}.
 */
@org.junit.jupiter.api.Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class PlanDifferentialTest {

    private static final int PLANS = 9;
    private static final String[] CHANGE_NAMES = {"users", "flips", "this/rocks", "\u9631\u962a\u962c", "foo_",
        "\u00e9t\u00e9", "x,y", "v1.2-1b", "_lists", "hash-tags", "a\"b", "12"};
    private static final String[] TAG_NAMES = {"v1.0", "beta1", "t_\u00e9", "2.0", "rc-1", "gamma"};
    private static final String[] PLANNERS = {"Barack Obama <potus@whitehouse.gov>",
        "Marge N. O\u2019Vera <marge@example.com>", "Zo\u00eb  Two Spaces <z@x.org>", "Trail   <t@example.com>",
        "\u5f20\u4f1f <zw@example.cn>"};
    private static final String[] NOTES = {"", "plain note", "two\\nlines", "back\\\\slash and \\\\n literal",
        "\u00fcn\u00ef c\u00f6d\u00e9 \u2603", "  padded   ", "tab\tinside"};
    private static final String[] URIS = {null, "HTTPS://Example.COM:443", "http://EXAMPLE.com:/x",
        "http://example.com:8080/A%7eb/%41%2f%3a", "https://m\u00fcnchen.de/", "urn:Uuid:ABC",
        "HTTP://EXAMPLE.com?x=1", "https://github.com/x/flipr", "ftp://Ex.com:21/a"};
    private static final String[] SPACES = {"", " ", "\t", "  "};

    @TempDir
    Path tmp;

    @Test
    void agreesWithRealSqitchOnGeneratedPlans() throws Exception {
        Path sqitch = findSqitch();
        io.sqlitch.testing.RealSqitch.assume(sqitch != null, "sqitch");
        Random random = new Random(20261123);
        Map<Path, Plan> plans = new LinkedHashMap<>();
        StringBuilder script = new StringBuilder("set -u\n");
        for (int i = 0; i < PLANS; i++) {
            Path dir = Files.createDirectories(tmp.resolve("p" + i));
            String text = generate(random, i);
            Files.writeString(dir.resolve("sqitch.plan"), text, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n");
            Plan plan = PlanParser.parse(text, "sqitch.plan");
            plans.put(dir, plan);
            script.append("cd '").append(dir).append("'\necho '@@plan ").append(i).append("'\n")
                    .append(sqitch).append(" plan --format 'format:%H %n' 2>&1\n");
            for (Tag tag : shownTags(plan)) {
                script.append("echo '@@tag ").append(tag.name()).append("'\n")
                        .append(sqitch).append(" show tag '@").append(tag.name()).append("' 2>&1\n");
            }
            plan.changes().stream().filter(Change::isReworked).findFirst().ifPresent(c -> script
                    .append("echo '@@ambiguous'\n").append(sqitch).append(" show change '").append(c.name())
                    .append("' 2>&1\necho '@@rc' $?\n"));
            script.append(sqitch).append(" tag zz").append(" -n 'Tag\\ zz \u00fc' >/dev/null 2>&1\n")
                    .append(sqitch).append(" add newc -r '").append(plan.changeAt(0).name())
                    .append("' -x other:x -n 'Add\nsecond line' >/dev/null 2>&1\n");
            if (i % 3 == 0) {
                script.append(sqitch).append(" tag zz2 -n 'second tag' >/dev/null 2>&1\n")
                        .append(sqitch).append(" rework newc -r '").append(plan.changeAt(0).name())
                        .append("' -n 'Rework\\ note' >/dev/null 2>&1\n");
            }
        }
        Files.writeString(tmp.resolve("user.conf"),
                "[user]\n\tname = Zo\u00eb \u00dcser\n\temail = zoe@example.org\n", StandardCharsets.UTF_8);
        String output = run(script.toString());

        String[] sections = output.split("@@plan \\d+\n", -1);
        int i = 0;
        for (Map.Entry<Path, Plan> entry : plans.entrySet()) {
            Plan plan = entry.getValue();
            String section = sections[++i];
            String[] parts = section.split("@@", -1);
            StringBuilder expected = new StringBuilder("# Project: " + plan.project() + "\n# File:    sqitch.plan\n\n");
            plan.changes().forEach(c -> expected.append(c.id()).append(' ').append(c.name()).append('\n'));
            String context = "plan " + (i - 1) + ":\n" + Files.readString(entry.getKey().resolve("sqitch.plan"));
            assertEquals(expected.toString(), parts[0], context);
            int p = 1;
            for (Tag tag : shownTags(plan)) {
                assertEquals("tag " + tag.name() + "\n" + tag.info() + "\n", parts[p++], context);
            }
            Change reworked = plan.changes().stream().filter(Change::isReworked).findFirst().orElse(null);
            if (reworked != null) {
                SqitchException e = assertThrows(SqitchException.class, () -> plan.get(reworked.name()));
                assertEquals("ambiguous\n" + e.getMessage() + "\n", parts[p++], context);
                assertEquals("rc 2\n", parts[p], context);
            }
            String rewritten = Files.readString(entry.getKey().resolve("sqitch.plan"), StandardCharsets.UTF_8);
            Planner me = new Planner("Zo\u00eb \u00dcser", "zoe@example.org");
            Plan tagged = PlanWriter.addTag(plan, "zz", null, "Tag\\ zz \u00fc", me, timeOf(rewritten, "@zz "));
            Plan added = PlanWriter.addChange(tagged, "newc", List.of(plan.changeAt(0).name()), List.of("other:x"),
                    "Add\nsecond line", me, timeOf(rewritten, "newc "));
            if ((i - 1) % 3 == 0) {
                added = PlanWriter.addTag(added, "zz2", null, "second tag", me, timeOf(rewritten, "@zz2 "));
                added = PlanWriter.reworkChange(added, "newc", List.of(plan.changeAt(0).name()), List.of(),
                        "Rework\\ note", me, timeOf(rewritten, "newc [newc@"));
            }
            assertEquals(rewritten, added.asString(), context);
            assertEquals(rewritten, PlanParser.parse(rewritten, "sqitch.plan").asString(), context);
        }
    }

    @Test
    void reportsTheSameParseErrorsAsRealSqitch() throws Exception {
        Path sqitch = findSqitch();
        io.sqlitch.testing.RealSqitch.assume(sqitch != null, "sqitch");
        String ts = " 2012-07-16T17:25:07Z A <a@b>\n";
        List<String> bad = List.of(
                "%project=x\n\na [b c]" + ts + "b" + ts + "c [c d]" + ts,
                "%project=x\n\na" + ts + "@t" + ts + "b" + ts + "a" + ts + "b [a@t x@t]" + ts,
                "%project=x\n\na" + ts + "@t" + ts + "@t" + ts,
                "%project=x\nfoo" + ts,
                "%syntax-version=1.0.0\n\n",
                "%project=x\n\n@ROOT" + ts,
                "%project=x\n\na [b@]" + ts,
                "%project=x\n\n  -foo^6 2012-07-16T17:25:07Z A <a@b>\n",
                "%project=x\n\na" + ts + "a" + ts);
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < bad.size(); i++) {
            Path dir = Files.createDirectories(tmp.resolve("e" + i));
            Files.writeString(dir.resolve("sqitch.plan"), bad.get(i));
            Files.writeString(dir.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n");
            script.append("cd '").append(dir).append("'\necho '@@'\n").append(sqitch).append(" plan 2>&1\n");
        }
        String[] outputs = run(script.toString()).split("@@\n", -1);
        for (int i = 0; i < bad.size(); i++) {
            String text = bad.get(i);
            SqitchException e = assertThrows(SqitchException.class, () -> PlanParser.parse(text, "sqitch.plan"), text);
            assertEquals(e.getMessage() + "\n", VersionDifferences.as161(outputs[i + 1]), text);
        }
    }

    /** The first and last tag only: each {@code sqitch show} costs a Perl start-up. */
    private static List<Tag> shownTags(Plan plan) {
        List<Tag> tags = plan.tags();
        return tags.size() <= 2 ? tags : List.of(tags.get(0), tags.get(tags.size() - 1));
    }

    private static Instant timeOf(String text, String linePrefix) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(linePrefix) + "(?:[^\\]\n]*\\] )?(\\S+Z) ").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no line " + linePrefix + " in\n" + text);
        }
        return Instant.parse(m.group(1));
    }

    /** A valid plan with odd spacing, comments, unicode, cross-project dependencies, tags and reworks. */
    private static String generate(Random r, int seed) {
        String project = seed % 3 == 0 ? "proj" : seed % 3 == 1 ? "\u00fcber" : "widgets";
        StringBuilder sb = new StringBuilder();
        if (r.nextBoolean()) {
            sb.append("%syntax-version=").append(r.nextBoolean() ? "1.0.0" : "2.5").append('\n');
        }
        sb.append(r.nextBoolean() ? "%project=" + project : "  % project = " + project + "   # the project").append('\n');
        String uri = URIS[seed % URIS.length];
        if (uri != null) {
            sb.append("%uri=").append(uri).append('\n');
        }
        if (r.nextBoolean()) {
            sb.append("  %foo = bar    # lolz\n# a header comment\n");
        }
        sb.append(r.nextBoolean() ? "\n" : "   \n");
        List<String> planned = new ArrayList<>();
        List<String> sinceTag = new ArrayList<>();
        String lastTag = null;
        List<String> usedTags = new ArrayList<>();
        long ts = 1_342_459_507L + seed * 100_000L;
        int lines = 6 + r.nextInt(8);
        for (int n = 0; n < lines; n++) {
            int kind = r.nextInt(10);
            if (kind == 0) {
                sb.append(r.nextBoolean() ? "#   a comment  \n" : "  \t# indented \\\\ comment\n");
                continue;
            }
            if (kind == 1) {
                sb.append(r.nextBoolean() ? "\n" : "  \n");
                continue;
            }
            if (kind <= 3 && !planned.isEmpty() && usedTags.size() < TAG_NAMES.length) {
                String tag = TAG_NAMES[usedTags.size()];
                usedTags.add(tag);
                lastTag = tag;
                sinceTag.clear();
                sb.append(SPACES[r.nextInt(2)]).append('@').append(tag).append(' ')
                        .append(Instant.ofEpochSecond(ts += 7)).append(' ')
                        .append(PLANNERS[r.nextInt(PLANNERS.length)]);
                appendNote(r, sb);
                continue;
            }
            String name = null;
            List<String> deps = new ArrayList<>();
            if (lastTag != null && r.nextInt(3) == 0) {
                for (String candidate : planned) {
                    if (!sinceTag.contains(candidate)) {
                        name = candidate;
                        deps.add(candidate + "@" + lastTag);
                        break;
                    }
                }
            }
            if (name == null) {
                for (String candidate : CHANGE_NAMES) {
                    if (!planned.contains(candidate)) {
                        name = candidate;
                        break;
                    }
                }
            }
            if (name == null) {
                continue;
            }
            if (!planned.isEmpty() && r.nextBoolean()) {
                String dep = planned.get(r.nextInt(planned.size()));
                if (!deps.contains(dep) && !dep.equals(name)) {
                    deps.add(r.nextBoolean() ? dep : project + ":" + dep);
                }
            }
            if (r.nextInt(3) == 0) {
                deps.add("other:thing" + n);
            }
            if (r.nextInt(3) == 0) {
                deps.add("!nope" + n);
            }
            if (r.nextInt(4) == 0) {
                deps.add("!ext:@t" + n);
            }
            String op = new String[] {"", "", "+", "-", " + "}[r.nextInt(5)];
            sb.append(SPACES[r.nextInt(3)]).append(op).append(name).append(r.nextInt(4) == 0 ? "  " : " ");
            if (!deps.isEmpty()) {
                sb.append('[').append(String.join(r.nextBoolean() ? " " : "  ", deps)).append(r.nextBoolean() ? "] " : "  ]   ");
            }
            sb.append(Instant.ofEpochSecond(ts += 61)).append(r.nextBoolean() ? " " : "   ")
                    .append(PLANNERS[r.nextInt(PLANNERS.length)]);
            appendNote(r, sb);
            planned.add(name);
            sinceTag.add(name);
        }
        if (planned.isEmpty()) {
            sb.append("users 2012-07-16T17:25:07Z Barack Obama <potus@whitehouse.gov>\n");
        }
        return sb.toString();
    }

    private static void appendNote(Random r, StringBuilder sb) {
        String note = NOTES[r.nextInt(NOTES.length)];
        if (!note.isEmpty()) {
            sb.append(new String[] {" ", "   ", "\t"}[r.nextInt(3)]).append("#").append(r.nextBoolean() ? " " : "  ")
                    .append(note);
        } else if (r.nextInt(4) == 0) {
            sb.append(" #");
        }
        sb.append(r.nextInt(5) == 0 ? "  \n" : "\n");
    }

    private String run(String script) throws IOException, InterruptedException {
        Path file = tmp.resolve("run.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", tmp.toString());
        env.put("SQITCH_USER_CONFIG", tmp.resolve("user.conf").toString());
        env.put("SQITCH_SYSTEM_CONFIG", tmp.resolve("nonexistent").toString());
        env.put("TZ", "UTC");
        env.put("LC_ALL", "C.UTF-8");
        env.put("EDITOR", "true");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        Process process = pb.start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Path findSqitch() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "sqitch");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Files.isExecutable(Path.of("/usr/bin/sqitch")) ? Path.of("/usr/bin/sqitch") : null;
    }
}
