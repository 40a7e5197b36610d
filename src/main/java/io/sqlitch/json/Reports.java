package io.sqlitch.json;

import io.sqlitch.plan.Change;
import io.sqlitch.plan.Dependency;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.Tag;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.RegistryEvent;
import java.time.Instant;
import java.util.List;

/**
 * The JSON documents of {@code status}, {@code log} and {@code plan}. Times are ISO-8601 instants in UTC
 * ({@code 2013-12-31T18:26:59Z}); tags carry their {@code @}; people are {@code {"name": ..., "email": ...}}.
 */
public final class Reports {

    private Reports() {
    }

    /** {@code {"target", "project", "change": {...} | null, "undeployed": [...] | null}}. */
    public static String status(StatusData report) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("target").value(report.destination());
        w.name("project").value(report.project());
        w.name("change");
        if (report.current().isEmpty()) {
            w.value((String) null);
        } else {
            DeployedChange c = report.current().get();
            w.beginObject();
            w.name("id").value(c.id());
            w.name("name").value(c.name());
            w.name("tags").strings(c.tags());
            w.name("deployedAt").value(time(c.committedAt()));
            person(w.name("committer"), c.committer().name(), c.committer().email());
            w.endObject();
        }
        // null: the plan is missing or belongs to another project, so what is left to deploy is unknown.
        w.name("undeployed");
        if (report.undeployed() == null) {
            w.value((String) null);
        } else {
            w.beginArray();
            for (Change c : report.undeployed()) {
                w.beginObject();
                w.name("id").value(c.id());
                w.name("name").value(c.name());
                w.name("tags").strings(tagNames(c));
                w.endObject();
            }
            w.endArray();
        }
        return w.endObject().toString();
    }

    /** {@code {"target", "events": [{"event", "project", "changeId", "change", ...}]}}, newest first unless reversed. */
    public static String log(String destination, List<RegistryEvent> events) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("target").value(destination);
        w.name("events").beginArray();
        for (RegistryEvent e : events) {
            w.beginObject();
            w.name("event").value(e.event());
            w.name("project").value(e.project());
            w.name("changeId").value(e.changeId());
            w.name("change").value(e.change());
            w.name("note").value(e.note());
            w.name("tags").strings(e.tagList());
            w.name("requires").strings(e.requiresList());
            w.name("conflicts").strings(e.conflictsList());
            person(w.name("committer"), e.committer().name(), e.committer().email());
            w.name("committedAt").value(time(e.committedAt()));
            person(w.name("planner"), e.planner().name(), e.planner().email());
            w.name("plannedAt").value(time(e.plannedAt()));
            w.endObject();
        }
        return w.endArray().endObject().toString();
    }

    /** {@code {"project", "uri", "file", "changes": [{"id", "name", "operation", "tags", ...}]}}. */
    public static String plan(Plan plan, List<Change> changes) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("project").value(plan.project());
        w.name("uri").value(plan.uri());
        w.name("file").value(plan.file());
        w.name("changes").beginArray();
        for (Change c : changes) {
            w.beginObject();
            w.name("id").value(c.id());
            w.name("name").value(c.name());
            w.name("operation").value(c.isRevert() ? "revert" : "deploy");
            w.name("tags").strings(tagNames(c));
            w.name("requires").strings(c.requires().stream().map(Dependency::asString).toList());
            w.name("conflicts").strings(c.conflicts().stream().map(Dependency::asString).toList());
            person(w.name("planner"), c.planner().name(), c.planner().email());
            w.name("plannedAt").value(time(c.timestamp()));
            w.name("note").value(c.note());
            w.endObject();
        }
        return w.endArray().endObject().toString();
    }

    private static List<String> tagNames(Change c) {
        return c.tags().stream().map(Tag::formatName).toList();
    }

    private static void person(JsonWriter w, String name, String email) {
        w.beginObject().name("name").value(name).name("email").value(email).endObject();
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
