package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.testing.PgServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same script through the real psql 15 (with Sqitch's options) and through the in-process runner, each on a
 * fresh database: same stdout, same stderr, same exit value, same database afterwards.
 */
@org.junit.jupiter.api.Tag("slow") // runs real psql many times: -DexcludedGroups=slow leaves it out of a quick run
class PsqlRunnerDifferentialTest {

    private static PgServer pg;

    @TempDir
    Path cwd;

    @BeforeAll
    static void server() {
        pg = PgServer.requireWithPsql();
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("dollar quotes, DO at EOF without ;", """
                        -- Deploy p:f to pg
                        BEGIN;
                        CREATE FUNCTION f(a int) RETURNS int LANGUAGE plpgsql AS $body$
                        BEGIN
                          RETURN a + 1; -- a ; inside
                        END;
                        $body$;
                        CREATE FUNCTION g() RETURNS text AS $$ SELECT 'x;y'::text $$ LANGUAGE sql;
                        COMMIT;
                        SELECT f(1), g();
                        do $$ begin perform 1; end $$"""),
                Arguments.of("strings, identifiers and nested comments", """
                        CREATE TABLE "semi;colon" (v text);
                        /* outer /* inner ; */ still comment ; */
                        INSERT INTO "semi;colon" VALUES (E'it\\'s; E'), ('plain ''; quoted'), (U&'d\\0061t\\+000061');
                        SELECT v FROM "semi;colon" ORDER BY v; SELECT 1 AS a, NULL AS b, 'c' AS c;
                        SELECT ':notavar', $q$ :x $q$, 3::int;
                        """),
                Arguments.of("variables from --set, \\set, quoting, unknown", """
                        \\set x 42
                        \\set greeting 'hello ' :'who'
                        \\set schema My Schema
                        SELECT :x AS x, :'greeting', :'who';
                        CREATE SCHEMA :"schema";
                        CREATE TABLE :"schema".t (id int);
                        SELECT :'registry', :{?x}, :{?nope};
                        \\echo :x :'who' :"who" :nope
                        SELECT :nope;
                        """),
                Arguments.of("meta-commands: echo, if/elif/else, gset", """
                        \\echo hello   world
                        \\echo -n no newline
                        \\qecho from qecho
                        \\if yes
                          \\echo in if
                        \\elif true
                          \\echo not here
                        \\else
                          \\echo nor here
                        \\endif
                        \\if 4
                          \\echo not with 4
                        \\else
                          \\echo else of 4
                        \\endif
                        SELECT ('local' = :'env') AS is_local, 7 AS seven \\gset
                        \\if :is_local
                          \\echo local :seven
                        \\endif
                        \\if false
                          SELECT 'skipped';
                          \\echo skipped
                        \\endif
                        \\warn to stderr
                        SELECT 'after';
                        """),
                Arguments.of("error in a transaction: LINE and caret, rest not run", """
                        BEGIN;
                        CREATE TABLE a (id int);
                        CREATE TABLE b (
                            id INT,
                            name TXET NOT NULL
                        );
                        COMMIT;
                        SELECT 'not reached';
                        """),
                Arguments.of("error without a transaction keeps what ran", """
                        CREATE TABLE kept (id int);
                        INSERT INTO kept VALUES (1);
                        INSERT INTO missing_table VALUES (1);
                        CREATE TABLE never (id int);
                        """),
                Arguments.of("long line error is cut as libpq cuts it", """
                        SELECT 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, nosuchcolumn, 23, 24, 25, 26, 27, 28, 29, 30;
                        """),
                Arguments.of("ON_ERROR_STOP off carries on", """
                        \\set ON_ERROR_STOP 0
                        SELECT 1/0;
                        CREATE TABLE after_error (id int);
                        SELECT 'went on';
                        """),
                Arguments.of("\\q part way", """
                        CREATE TABLE before_quit (id int);
                        \\q
                        CREATE TABLE after_quit (id int);
                        """),
                Arguments.of("notices and warnings", """
                        CREATE SCHEMA s; CREATE TABLE s.t (id int);
                        DO $$ BEGIN RAISE NOTICE 'a notice'; RAISE WARNING 'a warning' USING DETAIL = 'the detail', HINT = 'a hint'; END $$;
                        DROP SCHEMA s CASCADE;
                        """),
                Arguments.of("COPY FROM stdin", """
                        CREATE TABLE c (id int, name text);
                        COPY c (id, name) FROM stdin;
                        1\tone
                        2\t\\N
                        \\.
                        SELECT * FROM c ORDER BY id;
                        COPY c TO STDOUT;
                        """),
                Arguments.of("CREATE INDEX CONCURRENTLY outside a transaction", """
                        CREATE TABLE ci (id int);
                        CREATE INDEX CONCURRENTLY ci_id ON ci (id);
                        BEGIN;
                        CREATE INDEX CONCURRENTLY ci_id2 ON ci (id);
                        COMMIT;
                        """),
                Arguments.of("BEGIN ATOMIC body, CASE inside", """
                        CREATE FUNCTION atom(a int) RETURNS int LANGUAGE sql
                        BEGIN ATOMIC
                          SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                        END;
                        SELECT atom(5);
                        """),
                Arguments.of("invalid command", """
                        SELECT 'first';
                        \\SET x 1
                        SELECT 'second';
                        """),
                Arguments.of("BEGIN without COMMIT", """
                        BEGIN;
                        CREATE TABLE rolled_back (id int);
                        """),
                Arguments.of("\\g and \\unset", """
                        SELECT 'sent by g' \\g
                        \\g
                        \\set gone 1
                        \\unset gone
                        SELECT :{?gone}, :'gone';
                        """),
                Arguments.of("value formats and psql's own variables", """
                        SELECT true, false, 1.50::numeric, 2.5::float8, DATE '2024-02-29', TIMESTAMPTZ '2024-01-01 12:00:00+00',
                          ARRAY[1,2], '{"a": [1, null]}'::jsonb, NULL::int, '\\x41'::bytea, interval '1 day 02:00', 'a|b';
                        SELECT :'DBNAME' = current_database(), :'USER', :'HOST', :'PORT', :'ENCODING', :'ON_ERROR_STOP';
                        SET TimeZone = 'Europe/Paris'; SELECT TIMESTAMPTZ '2024-07-01 12:00:00+00';
                        """),
                Arguments.of("meta-command then SQL on one line with \\\\", """
                        \\echo a \\\\ SELECT 'b';
                        SELECT 'multi' AS one; SELECT 'line' AS two;
                        SELECT 'no semicolon at end'
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void sameAsPsql(String name, String script) throws Exception {
        PsqlHarness h = new PsqlHarness(pg, cwd);
        h.write("deploy/x.sql", script);
        Map<String, String> vars = Map.of("who", "O'Brien", "env", "local");
        PsqlHarness.Run real = h.real("deploy/x.sql", vars);
        PsqlHarness.Run ours = h.ours("deploy/x.sql", vars);
        assertEquals(real.err(), ours.err(), "stderr");
        assertEquals(real.out(), ours.out(), "stdout");
        assertEquals(real.exit(), ours.exit(), "exit value");
        assertEquals(real.dump(), ours.dump(), "database afterwards");
    }

    @ParameterizedTest(name = "include {0}")
    @MethodSource("includes")
    void includesAsPsql(String main) throws Exception {
        PsqlHarness h = new PsqlHarness(pg, cwd);
        h.write("db/deploy/inc.sql", main);
        h.write("db/deploy/inc-rel.sql.inc", "SELECT 'relative include';\n");
        h.write("deploy/cwd.sql.inc", "SELECT 'cwd include';\nSELECT nosuch;\n");
        PsqlHarness.Run real = h.real("db/deploy/inc.sql", Map.of());
        PsqlHarness.Run ours = h.ours("db/deploy/inc.sql", Map.of());
        assertEquals(real.err(), ours.err(), "stderr");
        assertEquals(real.out(), ours.out(), "stdout");
        assertEquals(real.exit(), ours.exit(), "exit value");
    }

    static Stream<String> includes() {
        return Stream.of("\\ir inc-rel.sql.inc\n\\i deploy/cwd.sql.inc\nSELECT 'not reached';\n",
                "\\set ON_ERROR_STOP off\n\\i deploy/inc-rel.sql.inc\n\\include_relative ../../deploy/cwd.sql.inc\n"
                        + "SELECT 'end';\n");
    }
}
