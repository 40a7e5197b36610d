package io.sqlitch.json;

import io.sqlitch.command.StatusReport;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.RegistryEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Representative reports whose JSON was captured from the hand-written writer that preceded Jackson
 * (src/test/resources/io/sqlitch/json/golden): non-ASCII, every control character, U+2028/2029, DEL, surrogate
 * pairs, nulls, empty lists, reworked and reverted changes.
 */
final class ReportFixtures {

    /** Every character a JSON writer may treat specially, and some it must leave alone. */
    static final String AWKWARD;

    static {
        StringBuilder sb = new StringBuilder("q\"b\\s/");
        for (char c = 0; c < 0x20; c++) {
            sb.append(c);
        }
        sb.append('\u007f').append('\u0080').append('\u009f').append('\u00a0').append("é’")
                .append('\u2028').append('\u2029').append("\uD83D\uDE00").append('\uFEFF').append('\uFFFF');
        AWKWARD = sb.toString();
    }

    private static final Identity MARGE = new Identity("Marge N. O’Vera", "marge@example.com");
    private static final Identity AWK = new Identity(AWKWARD, "<" + AWKWARD + ">");

    private ReportFixtures() {
    }

    static Plan plan() {
        return PlanParser.parse("%syntax-version=1.0.0\n%project=flipr\n%uri=https://example.com/ünï/\"q\"\n\n"
                + "users 2013-12-30T23:49:00Z Marge N. O’Vera <marge@example.com> # Creates \"users\".\\nSecond line\\\\\n"
                + "flips [users !old other:thing] 2013-12-31T00:00:00Z Marge <marge@example.com>\n"
                + "@v1.0 2013-12-31T00:01:00Z Marge <marge@example.com> # Tag\n"
                + "@v1.1 2013-12-31T00:02:00Z Marge <marge@example.com>\n"
                + "ünïcødé [flips@v1.0] 2013-12-31T00:03:00Z Ünï Cødé <u@exämple.com> # \t tab \u2028 sep \uD83D\uDE00\n"
                + "users [users@v1.0] 2014-01-01T00:00:00Z Marge <marge@example.com> # rework\n"
                + "-flips 2014-01-02T00:00:00Z Marge <marge@example.com> # gone\n", "dir/sqitch \"plan\"");
    }

    static Plan planWithoutUri() {
        return PlanParser.parse("%syntax-version=1.0.0\n%project=empty\n\n", "sqitch.plan");
    }

    /** Each fixture's golden file name, and its JSON as the current writer produces it. */
    static Map<String, String> documents() {
        Map<String, String> docs = new LinkedHashMap<>();
        Plan plan = plan();
        docs.put("plan.json", Reports.plan(plan, plan.changes()));
        docs.put("plan-empty.json", Reports.plan(planWithoutUri(), List.of()));
        docs.put("status-nothing.json", Reports.status(new StatusReport("db:sqlite:x.db", "flipr", Optional.empty(),
                null)));
        DeployedChange current = new DeployedChange("abc", null, "ünïcødé", "flipr", AWKWARD, AWK,
                Instant.parse("2013-12-31T18:26:59.123Z"), MARGE, Instant.parse("2013-12-30T00:00:00Z"),
                List.of("@v1", "@v1.1", AWKWARD));
        docs.put("status-current.json", Reports.status(new StatusReport("db:sqlite:" + AWKWARD, AWKWARD,
                Optional.of(current), plan.changes().subList(3, 5))));
        DeployedChange untimed = new DeployedChange("def", null, "users", "flipr", "", MARGE, null, MARGE, null,
                List.of());
        docs.put("status-untimed.json", Reports.status(new StatusReport("db:sqlite:x.db", "flipr",
                Optional.of(untimed), List.of())));
        RegistryEvent deploy = new RegistryEvent("deploy", "flipr", "abc", "users", AWKWARD, "a,b", "c",
                "@v1 @v2", AWK, Instant.parse("2014-01-01T00:00:00Z"), MARGE, Instant.parse("2013-12-30T00:00:00Z"));
        RegistryEvent nulls = new RegistryEvent("fail", null, null, null, null, null, null, null, MARGE, null,
                MARGE, null);
        docs.put("log.json", Reports.log("db:sqlite:flipr.db", List.of(deploy, nulls)));
        docs.put("log-empty.json", Reports.log(null, List.of()));
        return docs;
    }
}
