package io.sqlitch.engine.pg;

import java.util.ArrayList;
import java.util.List;

/**
 * Sqitch 1.3.1's PostgreSQL registry, schema version 1.1 (Engine/pg.sql): six tables in the registry schema with
 * the same columns, constraint names and comments, so that {@code pg_dump} of a registry made here equals one made
 * by Sqitch. {@code {registry}} stands for the quoted schema name (psql's {@code :"registry"}). The upgrades from
 * earlier registries follow Upgrade/pg-1.0.sql and pg-1.1.sql.
 */
final class PgRegistrySchema {

    /** The registry version this schema is. */
    static final String VERSION = "1.1";

    private static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS {registry}.releases (
                version real NOT NULL,
                installed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
                installer_name text NOT NULL,
                installer_email text NOT NULL,
                CONSTRAINT releases_pkey PRIMARY KEY (version)
            )""",
            """
            CREATE TABLE IF NOT EXISTS {registry}.projects (
                project text NOT NULL,
                uri text,
                created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
                creator_name text NOT NULL,
                creator_email text NOT NULL,
                CONSTRAINT projects_pkey PRIMARY KEY (project),
                CONSTRAINT projects_uri_key UNIQUE (uri)
            )""",
            """
            CREATE TABLE IF NOT EXISTS {registry}.changes (
                change_id text NOT NULL,
                script_hash text,
                change text NOT NULL,
                project text NOT NULL,
                note text DEFAULT ''::text NOT NULL,
                committed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
                committer_name text NOT NULL,
                committer_email text NOT NULL,
                planned_at timestamp with time zone NOT NULL,
                planner_name text NOT NULL,
                planner_email text NOT NULL,
                CONSTRAINT changes_pkey PRIMARY KEY (change_id),
                CONSTRAINT changes_project_script_hash_key UNIQUE (project, script_hash),
                CONSTRAINT changes_project_fkey FOREIGN KEY (project) REFERENCES projects(project) ON UPDATE CASCADE
            )""",
            """
            CREATE TABLE IF NOT EXISTS {registry}.tags (
                tag_id text NOT NULL,
                tag text NOT NULL,
                project text NOT NULL,
                change_id text NOT NULL,
                note text DEFAULT ''::text NOT NULL,
                committed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
                committer_name text NOT NULL,
                committer_email text NOT NULL,
                planned_at timestamp with time zone NOT NULL,
                planner_name text NOT NULL,
                planner_email text NOT NULL,
                CONSTRAINT tags_pkey PRIMARY KEY (tag_id),
                CONSTRAINT tags_project_tag_key UNIQUE (project, tag),
                CONSTRAINT tags_change_id_fkey FOREIGN KEY (change_id) REFERENCES changes(change_id) ON UPDATE CASCADE,
                CONSTRAINT tags_project_fkey FOREIGN KEY (project) REFERENCES projects(project) ON UPDATE CASCADE
            )""",
            """
            CREATE TABLE IF NOT EXISTS {registry}.dependencies (
                change_id text NOT NULL,
                type text NOT NULL,
                dependency text NOT NULL,
                dependency_id text,
                CONSTRAINT dependencies_check CHECK ((((type = 'require'::text) AND (dependency_id IS NOT NULL)) OR ((type = 'conflict'::text) AND (dependency_id IS NULL)))),
                CONSTRAINT dependencies_pkey PRIMARY KEY (change_id, dependency),
                CONSTRAINT dependencies_change_id_fkey FOREIGN KEY (change_id) REFERENCES changes(change_id) ON UPDATE CASCADE ON DELETE CASCADE,
                CONSTRAINT dependencies_dependency_id_fkey FOREIGN KEY (dependency_id) REFERENCES changes(change_id) ON UPDATE CASCADE
            )""",
            """
            CREATE TABLE IF NOT EXISTS {registry}.events (
                event text NOT NULL,
                change_id text NOT NULL,
                change text NOT NULL,
                project text NOT NULL,
                note text DEFAULT ''::text NOT NULL,
                requires text[] DEFAULT '{}'::text[] NOT NULL,
                conflicts text[] DEFAULT '{}'::text[] NOT NULL,
                tags text[] DEFAULT '{}'::text[] NOT NULL,
                committed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
                committer_name text NOT NULL,
                committer_email text NOT NULL,
                planned_at timestamp with time zone NOT NULL,
                planner_name text NOT NULL,
                planner_email text NOT NULL,
                CONSTRAINT events_event_check CHECK ((event = ANY (ARRAY['deploy'::text, 'revert'::text, 'fail'::text, 'merge'::text]))),
                CONSTRAINT events_pkey PRIMARY KEY (change_id, committed_at),
                CONSTRAINT events_project_fkey FOREIGN KEY (project) REFERENCES projects(project) ON UPDATE CASCADE
            )""");

    private static final List<String> COMMENTS = List.of(
            "COMMENT ON SCHEMA {registry} IS 'Sqitch database deployment metadata v1.1.'",
            "COMMENT ON TABLE {registry}.changes IS 'Tracks the changes currently deployed to the database.'",
            "COMMENT ON COLUMN {registry}.changes.change_id IS 'Change primary key.'",
            "COMMENT ON COLUMN {registry}.changes.script_hash IS 'Deploy script SHA-1 hash.'",
            "COMMENT ON COLUMN {registry}.changes.change IS 'Name of a deployed change.'",
            "COMMENT ON COLUMN {registry}.changes.project IS 'Name of the Sqitch project to which the change belongs.'",
            "COMMENT ON COLUMN {registry}.changes.note IS 'Description of the change.'",
            "COMMENT ON COLUMN {registry}.changes.committed_at IS 'Date the change was deployed.'",
            "COMMENT ON COLUMN {registry}.changes.committer_name IS 'Name of the user who deployed the change.'",
            "COMMENT ON COLUMN {registry}.changes.committer_email IS 'Email address of the user who deployed the change.'",
            "COMMENT ON COLUMN {registry}.changes.planned_at IS 'Date the change was added to the plan.'",
            "COMMENT ON COLUMN {registry}.changes.planner_name IS 'Name of the user who planed the change.'",
            "COMMENT ON COLUMN {registry}.changes.planner_email IS 'Email address of the user who planned the change.'",
            "COMMENT ON TABLE {registry}.dependencies IS 'Tracks the currently satisfied dependencies.'",
            "COMMENT ON COLUMN {registry}.dependencies.change_id IS 'ID of the depending change.'",
            "COMMENT ON COLUMN {registry}.dependencies.type IS 'Type of dependency.'",
            "COMMENT ON COLUMN {registry}.dependencies.dependency IS 'Dependency name.'",
            "COMMENT ON COLUMN {registry}.dependencies.dependency_id IS 'Change ID the dependency resolves to.'",
            "COMMENT ON TABLE {registry}.events IS 'Contains full history of all deployment events.'",
            "COMMENT ON COLUMN {registry}.events.event IS 'Type of event.'",
            "COMMENT ON COLUMN {registry}.events.change_id IS 'Change ID.'",
            "COMMENT ON COLUMN {registry}.events.change IS 'Change name.'",
            "COMMENT ON COLUMN {registry}.events.project IS 'Name of the Sqitch project to which the change belongs.'",
            "COMMENT ON COLUMN {registry}.events.note IS 'Description of the change.'",
            "COMMENT ON COLUMN {registry}.events.requires IS 'Array of the names of required changes.'",
            "COMMENT ON COLUMN {registry}.events.conflicts IS 'Array of the names of conflicting changes.'",
            "COMMENT ON COLUMN {registry}.events.tags IS 'Tags associated with the change.'",
            "COMMENT ON COLUMN {registry}.events.committed_at IS 'Date the event was committed.'",
            "COMMENT ON COLUMN {registry}.events.committer_name IS 'Name of the user who committed the event.'",
            "COMMENT ON COLUMN {registry}.events.committer_email IS 'Email address of the user who committed the event.'",
            "COMMENT ON COLUMN {registry}.events.planned_at IS 'Date the event was added to the plan.'",
            "COMMENT ON COLUMN {registry}.events.planner_name IS 'Name of the user who planed the change.'",
            "COMMENT ON COLUMN {registry}.events.planner_email IS 'Email address of the user who plan planned the change.'",
            "COMMENT ON TABLE {registry}.projects IS 'Sqitch projects deployed to this database.'",
            "COMMENT ON COLUMN {registry}.projects.project IS 'Unique Name of a project.'",
            "COMMENT ON COLUMN {registry}.projects.uri IS 'Optional project URI'",
            "COMMENT ON COLUMN {registry}.projects.created_at IS 'Date the project was added to the database.'",
            "COMMENT ON COLUMN {registry}.projects.creator_name IS 'Name of the user who added the project.'",
            "COMMENT ON COLUMN {registry}.projects.creator_email IS 'Email address of the user who added the project.'",
            "COMMENT ON TABLE {registry}.releases IS 'Sqitch registry releases.'",
            "COMMENT ON COLUMN {registry}.releases.version IS 'Version of the Sqitch registry.'",
            "COMMENT ON COLUMN {registry}.releases.installed_at IS 'Date the registry release was installed.'",
            "COMMENT ON COLUMN {registry}.releases.installer_name IS 'Name of the user who installed the registry release.'",
            "COMMENT ON COLUMN {registry}.releases.installer_email IS 'Email address of the user who installed the registry release.'",
            "COMMENT ON TABLE {registry}.tags IS 'Tracks the tags currently applied to the database.'",
            "COMMENT ON COLUMN {registry}.tags.tag_id IS 'Tag primary key.'",
            "COMMENT ON COLUMN {registry}.tags.tag IS 'Project-unique tag name.'",
            "COMMENT ON COLUMN {registry}.tags.project IS 'Name of the Sqitch project to which the tag belongs.'",
            "COMMENT ON COLUMN {registry}.tags.change_id IS 'ID of last change deployed before the tag was applied.'",
            "COMMENT ON COLUMN {registry}.tags.note IS 'Description of the tag.'",
            "COMMENT ON COLUMN {registry}.tags.committed_at IS 'Date the tag was applied to the database.'",
            "COMMENT ON COLUMN {registry}.tags.committer_name IS 'Name of the user who applied the tag.'",
            "COMMENT ON COLUMN {registry}.tags.committer_email IS 'Email address of the user who applied the tag.'",
            "COMMENT ON COLUMN {registry}.tags.planned_at IS 'Date the tag was added to the plan.'",
            "COMMENT ON COLUMN {registry}.tags.planner_name IS 'Name of the user who planed the tag.'",
            "COMMENT ON COLUMN {registry}.tags.planner_email IS 'Email address of the user who planned the tag.'");

    private PgRegistrySchema() {
    }

    /** The statements that create the registry in schema {@code registry} (run in one transaction). */
    static List<String> create(String registry) {
        List<String> out = new ArrayList<>();
        out.add("SET LOCAL client_min_messages = warning");
        out.add("CREATE SCHEMA IF NOT EXISTS {registry}");
        TABLES.forEach(out::add);
        COMMENTS.forEach(out::add);
        return out.stream().map(s -> s.replace("{registry}", PsqlQuoting.identifier(registry))).toList();
    }

    /**
     * pg-1.0.sql: releases table, changes.script_hash (filled with the change ids), the 'merge' event; on
     * CockroachDB cockroach-1.0.sql, whose column is added with its UNIQUE in one statement and whose constraint
     * is dropped {@code IF EXISTS}.
     */
    static List<String> upgradeTo10(String registry, boolean cockroach) {
        List<String> out = new ArrayList<>();
        out.add("SET LOCAL client_min_messages = warning");
        out.add(TABLES.get(0));
        COMMENTS.stream().filter(c -> c.contains(".releases")).forEach(out::add);
        if (cockroach) {
            out.add("ALTER TABLE {registry}.changes ADD COLUMN script_hash TEXT NULL UNIQUE");
        } else {
            out.add("ALTER TABLE {registry}.changes ADD COLUMN script_hash text");
            out.add("ALTER TABLE {registry}.changes ADD CONSTRAINT changes_script_hash_key UNIQUE (script_hash)");
        }
        out.add("UPDATE {registry}.changes SET script_hash = change_id");
        COMMENTS.stream().filter(c -> c.contains(".changes.script_hash")).forEach(out::add);
        out.add("ALTER TABLE {registry}.events DROP CONSTRAINT " + (cockroach ? "IF EXISTS " : "")
                + "events_event_check");
        out.add("ALTER TABLE {registry}.events ADD CONSTRAINT events_event_check"
                + " CHECK (event IN ('deploy', 'revert', 'fail', 'merge'))");
        out.add("COMMENT ON SCHEMA {registry} IS 'Sqitch database deployment metadata v1.0.'");
        return out.stream().map(s -> s.replace("{registry}", PsqlQuoting.identifier(registry))).toList();
    }

    /**
     * pg-1.1.sql: script hashes unique per project instead of globally; cockroach-1.1.sql drops the old unique
     * index with {@code DROP INDEX … CASCADE} (CockroachDB keeps a UNIQUE column's constraint as an index).
     */
    static List<String> upgradeTo11(String registry, boolean cockroach) {
        return List.of(
                "SET LOCAL client_min_messages = warning",
                cockroach ? "DROP INDEX {registry}.changes_script_hash_key CASCADE"
                        : "ALTER TABLE {registry}.changes DROP CONSTRAINT changes_script_hash_key",
                "ALTER TABLE {registry}.changes ADD CONSTRAINT changes_project_script_hash_key"
                        + " UNIQUE (project, script_hash)",
                "COMMENT ON SCHEMA {registry} IS 'Sqitch database deployment metadata v1.1.'")
                .stream().map(s -> s.replace("{registry}", PsqlQuoting.identifier(registry))).toList();
    }
}
