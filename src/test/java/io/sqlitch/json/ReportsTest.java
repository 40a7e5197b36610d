package io.sqlitch.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.command.StatusReport;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.RegistryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final Identity MARGE = new Identity("Marge", "marge@example.com");

    @Test
    void statusWithNothingDeployedHasANullChange() {
        assertEquals("{\n  \"target\": \"db:sqlite:x.db\",\n  \"project\": \"flipr\",\n  \"change\": null,\n"
                + "  \"undeployed\": null\n}\n",
                Reports.status(new StatusReport("db:sqlite:x.db", "flipr", Optional.empty(), null)));
    }

    @Test
    void statusNamesTheCurrentChangeItsTagsAndCommitter() {
        DeployedChange users = new DeployedChange("abc", null, "users", "flipr", "", MARGE,
                Instant.parse("2013-12-31T18:26:59.123Z"), MARGE, Instant.parse("2013-12-30T00:00:00Z"),
                List.of("@v1", "@v1.1"));
        StatusReport report = new StatusReport("db:sqlite:x.db", "flipr", Optional.of(users), List.of());
        assertEquals("@v1.1", report.currentTag());
        assertEquals("{\n  \"target\": \"db:sqlite:x.db\",\n  \"project\": \"flipr\",\n  \"change\": {\n"
                + "    \"id\": \"abc\",\n    \"name\": \"users\",\n    \"tags\": [\"@v1\", \"@v1.1\"],\n"
                + "    \"deployedAt\": \"2013-12-31T18:26:59.123Z\",\n    \"committer\": {\n"
                + "      \"name\": \"Marge\",\n      \"email\": \"marge@example.com\"\n    }\n  },\n"
                + "  \"undeployed\": []\n}\n", Reports.status(report));
    }

    @Test
    void logEventsCarryEveryField() {
        // A revert row joins its tags with a comma, a deploy row with a space: both come out as lists.
        RegistryEvent revert = new RegistryEvent("revert", "flipr", "abc", "users", "Says \"hi\"", "a,b", "",
                "@v1,@v2", MARGE, Instant.parse("2014-01-01T00:00:00Z"), MARGE, Instant.parse("2013-12-30T00:00:00Z"));
        assertEquals("{\n  \"target\": \"db:sqlite:x.db\",\n  \"events\": [\n    {\n      \"event\": \"revert\",\n"
                + "      \"project\": \"flipr\",\n      \"changeId\": \"abc\",\n      \"change\": \"users\",\n"
                + "      \"note\": \"Says \\\"hi\\\"\",\n      \"tags\": [\"@v1\", \"@v2\"],\n"
                + "      \"requires\": [\"a\", \"b\"],\n      \"conflicts\": [],\n      \"committer\": {\n"
                + "        \"name\": \"Marge\",\n        \"email\": \"marge@example.com\"\n      },\n"
                + "      \"committedAt\": \"2014-01-01T00:00:00Z\",\n      \"planner\": {\n"
                + "        \"name\": \"Marge\",\n        \"email\": \"marge@example.com\"\n      },\n"
                + "      \"plannedAt\": \"2013-12-30T00:00:00Z\"\n    }\n  ]\n}\n",
                Reports.log("db:sqlite:x.db", List.of(revert)));
    }
}
