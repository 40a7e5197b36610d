package io.sqlitch.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWriterTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u2028é\"\n",
                new JsonWriter().value("a\"b\\c\n\t\r\b\f\u0001\u2028é").toString());
    }

    @Test
    void nestsObjectsAndArraysWithTwoSpaceIndents() {
        String json = new JsonWriter().beginObject()
                .name("name").value("users")
                .name("tags").strings(List.of("@v1", "@v2"))
                .name("count").value(2)
                .name("ok").value(true)
                .name("none").value((String) null)
                .name("empty").beginArray().endArray()
                .name("people").beginArray().beginObject().name("email").value("a@b").endObject().endArray()
                .endObject().toString();
        assertEquals("{\n  \"name\": \"users\",\n  \"tags\": [\"@v1\", \"@v2\"],\n  \"count\": 2,\n  \"ok\": true,\n"
                + "  \"none\": null,\n  \"empty\": [],\n  \"people\": [\n    {\n      \"email\": \"a@b\"\n    }\n  ]\n}\n",
                json);
    }

    @Test
    void refusesMalformedDocuments() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().toString());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value("a").value("b"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value("a"));
    }

    @Test
    void writesThePlanWithEveryChangeField(@TempDir Path dir) throws Exception {
        Plan plan = PlanParser.parse("%syntax-version=1.0.0\n%project=flipr\n\n"
                + "users 2013-12-30T23:49:00Z Marge N. O’Vera <marge@example.com> # Creates \"users\".\n"
                + "flips [users !old] 2013-12-31T00:00:00Z Marge <marge@example.com>\n"
                + "@v1.0 2013-12-31T00:01:00Z Marge <marge@example.com> # Tag\n", "sqitch.plan");
        Path file = dir.resolve("sub/plan.json");
        JsonWriter.write(file, Reports.plan(plan, plan.changes()));
        String json = Files.readString(file);
        String flips = plan.changes().get(1).id();
        assertEquals("{\n  \"project\": \"flipr\",\n  \"uri\": null,\n  \"file\": \"sqitch.plan\",\n  \"changes\": [\n"
                + "    {\n      \"id\": \"" + plan.changes().get(0).id() + "\",\n      \"name\": \"users\",\n"
                + "      \"operation\": \"deploy\",\n      \"tags\": [],\n      \"requires\": [],\n      \"conflicts\": [],\n"
                + "      \"planner\": {\n        \"name\": \"Marge N. O’Vera\",\n        \"email\": \"marge@example.com\"\n"
                + "      },\n      \"plannedAt\": \"2013-12-30T23:49:00Z\",\n      \"note\": \"Creates \\\"users\\\".\"\n    },\n"
                + "    {\n      \"id\": \"" + flips + "\",\n      \"name\": \"flips\",\n      \"operation\": \"deploy\",\n"
                + "      \"tags\": [\"@v1.0\"],\n      \"requires\": [\"users\"],\n      \"conflicts\": [\"old\"],\n"
                + "      \"planner\": {\n        \"name\": \"Marge\",\n        \"email\": \"marge@example.com\"\n"
                + "      },\n      \"plannedAt\": \"2013-12-31T00:00:00Z\",\n      \"note\": \"\"\n    }\n  ]\n}\n", json);
    }

    @Test
    void aRewrittenFileKeepsItsMode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        JsonWriter.write(file, "{}\n");
        // Not a temporary file's 0600 after the rename: a JSON report is for other tools to read.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        JsonWriter.write(file, "[]\n");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("[]\n", Files.readString(file));
    }
}
