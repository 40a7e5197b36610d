package io.sqlitch.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real {@code sqitch log} and {@code sqitch plan} on a small deployed SQLite project and checks that
 * {@link ItemFormatter} prints the same text for the same items. The list codes ({@code %t %T %r %R %x %X},
 * list attributes) are compared on {@code plan} only: Sqitch 1.3.1's {@code log} crashes on them with SQLite.
 * The session runs in America/Chicago to exercise the local-zone conversion.
 */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class SqitchFormatDifferentialTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Map<String, String> NOTES = Map.of(
            "users", "Creates users.\n\nSecond paragraph.",
            "flips", "Flips",
            "userflips", "UF",
            "widgets", "W");
    private static final Map<String, List<String>> TAGS = Map.of("flips", List.of("@v1.0"));
    private static final Map<String, List<String>> REQUIRES =
            Map.of("flips", List.of("users"), "userflips", List.of("users", "flips"));
    private static final Map<String, List<String>> CONFLICTS = Map.of("widgets", List.of("userflips"));

    private static final String LOG_FIELDS =
            "format:%H%v%n%v%o%v%e%v%{date:raw}c%v%{date:raw}p%v%{name}c%v%{email}c%v%{name}p%v%{email}p";
    private static final String PLAN_FIELDS = "format:%H%v%n%v%o%v%e%v%{date:raw}p%v%{name}p%v%{email}p";

    private static final String COMMON_CODES = "%e|%L|%l|%{event}_|%{change}_|%{committer}_|%{planner}_|%{by}_"
            + "|%{date}_|%{committed}_|%{planned}_|%{name}_|%{project}_|%{email}_|%{requires}_|%{conflicts}_"
            + "|%H|%h|%{7}h|%n|%o|%p|%{n}p|%{name}p|%{e}p|%{email}p|%{date}p|%{d:rfc}p|%{date:raw}p"
            + "|%{date:iso8601}p|%{date:rfc2822}p|%{date:full}p|%{date:long}p|%{date:medium}p|%{date:short}p"
            + "|%{date:cldr:EEEE d MMMM y HH:mm:ss zzzz Z 'q'''}p"
            + "|%{date:strftime:%A %e %B %Y %I:%M:%S %p %Z %z %j %U %c}p"
            + "|%v|%{reset}C|%{:event}C|%{bold blue}C|%s|%{> }s|%b|%{> }b|%B|%{> }B|%{change}a|%{change_id}a"
            + "|%{event}a|%{project}a|%{note}a|%{planner_name}a|%{planner_email}a|%{planned_at}a"
            + "|%%|%10n|%-10n|%.5H|%-3.2o|100% sure";
    private static final String LOG_CODES = COMMON_CODES + "|%c|%{n}c|%{name}c|%{e}c|%{email}c|%{date}c"
            + "|%{d:rfc}c|%{date:raw}c|%{date:long}c|%{date:cldr:h:mm a}c|%{date:strftime:%F %T}c"
            + "|%{committer_name}a|%{committer_email}a|%{committed_at}a";
    private static final String PLAN_CODES = COMMON_CODES
            + "|%t|%{ & }t|%T|%{/}T|%r|%{+}r|%R|%{+}R|%x|%{+}x|%X|%{+}X|%{tags}a|%{requires}a|%{conflicts}a";

    @TempDir
    static Path dir;
    private static Path sqitch;
    private static List<FormatItem> events;
    private static List<FormatItem> changes;

    @BeforeAll
    static void deployProject() throws Exception {
        Optional<Path> found = Stream.concat(Stream.of("/usr/bin"),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)))
                .map(d -> Path.of(d, "sqitch")).filter(Files::isExecutable).findFirst();
        io.sqlitch.testing.RealSqitch.assume(found.isPresent(), "sqitch");
        sqitch = found.get();
        Files.writeString(dir.resolve("user.conf"),
                "[user]\n\tname = Marge N. O’Vera\n\temail = marge@example.com\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sqitch.conf"),
                "[core]\n\tengine = sqlite\n[engine \"sqlite\"]\n\ttarget = db:sqlite:flipr.db\n");
        // Planned dates on both sides of a DST change; widgets has another planner and is never deployed
        // (its conflict would stop the deploy) but the plan lists it.
        Files.writeString(dir.resolve("sqitch.plan"), """
                %syntax-version=1.0.0
                %project=flipr

                users 2012-07-16T17:25:07Z Marge N. O’Vera <marge@example.com> # Creates users.\\n\\nSecond paragraph.
                flips [users] 2012-07-17T01:00:00Z Marge N. O’Vera <marge@example.com> # Flips
                @v1.0 2012-07-17T02:00:00Z Marge N. O’Vera <marge@example.com> # Tag
                userflips [users flips] 2013-01-01T00:05:07Z Marge N. O’Vera <marge@example.com> # UF
                widgets [!userflips] 2013-03-10T08:30:00Z Other Planner <other@example.com> # W
                """, StandardCharsets.UTF_8);
        for (String name : List.of("users", "flips", "userflips", "widgets")) {
            for (String kind : List.of("deploy", "revert", "verify")) {
                Files.createDirectories(dir.resolve(kind));
                Files.writeString(dir.resolve(kind).resolve(name + ".sql"), "SELECT '" + name + "';\n");
            }
        }
        sqitch("deploy", "--to", "userflips");
        sqitch("revert", "-y", "--to", "@v1.0");
        sqitch("deploy", "--to", "userflips");
        events = events();
        changes = changes();
    }

    private static String sqitch(String... args) throws IOException, InterruptedException {
        return sqitchIn(dir, args);
    }

    private static String sqitchIn(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(sqitch.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectInput(new File("/dev/null"));
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", dir.toString());
        env.put("SQITCH_USER_CONFIG", dir.resolve("user.conf").toString());
        env.put("SQITCH_SYSTEM_CONFIG", dir.resolve("nonexistent").toString());
        env.put("TZ", ZONE.getId());
        env.put("LC_ALL", "C.UTF-8");
        env.put("EDITOR", "true");
        Path err = dir.resolve("stderr.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        assertEquals(0, rc, () -> String.join(" ", args) + " failed: " + out + readQuietly(err));
        return out;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The events of {@code sqitch log}, newest first, rebuilt from fields Sqitch prints. */
    private static List<FormatItem> events() throws IOException, InterruptedException {
        String[] lines = sqitch("log", "--no-headers", "--format", LOG_FIELDS).split("\n", -1);
        List<FormatItem> items = new ArrayList<>();
        for (int i = 0; i + 10 < lines.length; i += 10) {
            items.add(FormatItem.event(lines[i + 3], lines[i + 2], lines[i], lines[i + 1], NOTES.get(lines[i + 1]),
                    List.of(), List.of(), List.of(), lines[i + 6], lines[i + 7], Instant.parse(lines[i + 4]),
                    lines[i + 8], lines[i + 9], Instant.parse(lines[i + 5])));
        }
        assertEquals(5, items.size(), "deploy x3, revert, deploy");
        return items;
    }

    /** The changes of {@code sqitch plan}, in plan order, with the lists the plan file holds. */
    private static List<FormatItem> changes() throws IOException, InterruptedException {
        String[] lines = sqitch("plan", "--no-headers", "--format", PLAN_FIELDS).split("\n", -1);
        List<FormatItem> items = new ArrayList<>();
        for (int i = 0; i + 7 < lines.length; i += 7) {
            String name = lines[i + 1];
            items.add(FormatItem.planned(lines[i + 3], lines[i + 2], lines[i], name, NOTES.get(name),
                    TAGS.getOrDefault(name, List.of()), REQUIRES.getOrDefault(name, List.of()),
                    CONFLICTS.getOrDefault(name, List.of()), lines[i + 5], lines[i + 6],
                    Instant.parse(lines[i + 4])));
        }
        assertEquals(4, items.size());
        return items;
    }

    private static String expected(ItemFormatter formatter, String template, List<FormatItem> items) {
        StringBuilder sb = new StringBuilder();
        for (FormatItem item : items) {
            sb.append(formatter.format(template, item)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void logCustomFormatMatchesSqitchForEveryScalarCode() throws Exception {
        assertEquals(expected(ItemFormatter.defaults(ZONE), LOG_CODES, events),
                sqitch("log", "--no-headers", "--format", "format:" + LOG_CODES));
    }

    @Test
    void logBuiltInFormatsMatchSqitch() throws Exception {
        assertEquals(expected(ItemFormatter.defaults(ZONE), FormatTemplates.logTemplate("short"), events),
                sqitch("log", "--no-headers", "--format", "short"));
        assertEquals(expected(new ItemFormatter(6, "iso", false, ZONE), FormatTemplates.logTemplate("oneline"),
                events), sqitch("log", "--no-headers", "--oneline"));
        assertEquals(expected(new ItemFormatter(0, "iso", true, ZONE), FormatTemplates.logTemplate("medium"),
                events), sqitch("log", "--no-headers", "--color", "always"));
    }

    @Test
    void logDateFormatOptionSetsTheDefaultDateFormat() throws Exception {
        String template = "%{date}c|%{date}p";
        // Every named format is also checked through %{date:FORMAT} codes in the custom templates.
        for (String format : List.of("rfc", "long")) {
            assertEquals(expected(new ItemFormatter(0, format, false, ZONE), template, events),
                    sqitch("log", "--no-headers", "--date-format", format, "--format", "format:" + template),
                    format);
        }
    }

    @Test
    void planCustomFormatMatchesSqitchIncludingListCodes() throws Exception {
        assertEquals(expected(ItemFormatter.defaults(ZONE), PLAN_CODES, changes),
                sqitch("plan", "--no-headers", "--format", "format:" + PLAN_CODES));
    }

    @Test
    void planBuiltInFormatsMatchSqitch() throws Exception {
        for (String format : List.of("raw", "long", "medium")) {
            assertEquals(expected(ItemFormatter.defaults(ZONE), FormatTemplates.planTemplate(format), changes),
                    sqitch("plan", "--no-headers", "--format", format), format);
        }
        assertEquals(expected(new ItemFormatter(6, "rfc", false, ZONE), FormatTemplates.planTemplate("oneline"),
                changes), sqitch("plan", "--no-headers", "--oneline", "--date-format", "rfc"));
        assertEquals(expected(new ItemFormatter(0, "short", true, ZONE), FormatTemplates.planTemplate("full"),
                changes), sqitch("plan", "--no-headers", "--color", "always", "--format", "full",
                "--date-format", "short"));
    }

    @Test
    void scriptTemplatesRenderWhatSqitchAddWrites() throws Exception {
        Path project = Files.createDirectories(dir.resolve("add"));
        Files.writeString(project.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n");
        Files.writeString(project.resolve("sqitch.plan"), """
                %syntax-version=1.0.0
                %project=flipr

                users 2012-07-16T17:25:07Z Marge N. O’Vera <marge@example.com> # U
                flips 2012-07-16T17:25:08Z Marge N. O’Vera <marge@example.com> # F
                """, StandardCharsets.UTF_8);
        sqitchIn(project, "add", "userflips", "-r", "users", "-r", "flips", "-x", "old", "-x", "older", "-n", "UF");
        Map<String, Object> vars = Map.of("project", "flipr", "change", "userflips", "engine", "sqlite",
                "requires", List.of("users", "flips"), "conflicts", List.of("old", "older"));
        for (String kind : List.of("deploy", "revert", "verify")) {
            String template;
            try (var in = getClass().getResourceAsStream("/io/sqlitch/templates/" + kind + "/sqlite.tmpl")) {
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(project.resolve(kind).resolve("userflips.sql"), StandardCharsets.UTF_8),
                    TemplateRenderer.render(template, vars), kind);
        }
    }
}
