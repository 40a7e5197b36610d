package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client path: psql run exactly as real sqitch runs it (a logging wrapper records both command lines). */
class PsqlClientTest {

    @TempDir
    Path dir;

    /** A client that logs its arguments (one per line, then PGPASSWORD, then a separator) and runs psql. */
    private Path wrapper(Path log) throws Exception {
        Path w = dir.resolve("psql-wrapper");
        Files.writeString(w, "#!/bin/sh\n{ for a in \"$@\"; do printf '%s\\n' \"$a\"; done;"
                + " printf 'PGPASSWORD=%s\\n--\\n' \"$PGPASSWORD\"; } >> '" + log + "'\nexec /usr/bin/psql \"$@\"\n");
        Files.setPosixFilePermissions(w, PosixFilePermissions.fromString("rwx------"));
        return w;
    }

    private static List<List<String>> calls(Path log) throws Exception {
        List<List<String>> calls = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.equals("--")) {
                calls.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(line);
            }
        }
        return calls;
    }

    @Test
    void sameCommandLineAndPasswordEnvironmentAsRealSqitch() throws Exception {
        PgServer pg = PgServer.requireWithPsql();
        RealSqitch.assumeSqitch();
        String db = pg.createDatabase("client");
        String uri = "db:pg://" + pg.user() + ":s3cr%20et@" + pg.host() + ":" + pg.port() + "/" + db
                + "?sslmode=disable&application_name=sqitch_oracle";
        Path project = Files.createDirectories(dir.resolve("p"));
        Path log = dir.resolve("argv.log");
        Path client = wrapper(log);
        Map<String, String> env = RealSqitch.env(dir.resolve("home"));
        Files.createDirectories(dir.resolve("home"));
        assertEquals(0, RealSqitch.run(project, env, List.of("init", "p", "--engine", "pg")).exitValue());
        RealSqitch.Result add = RealSqitch.run(project, env, List.of("add", "x", "-n", "x"));
        assertEquals(0, add.exitValue(), add.stderr());
        RealSqitch.Result deploy = RealSqitch.run(project, env, List.of("deploy", uri, "--client", client.toString(),
                "--set", "b=2", "--set", "a=1 2"));
        assertEquals(0, deploy.exitValue(), deploy.stdout() + deploy.stderr());
        List<String> sqitchCall = calls(log).stream().filter(c -> c.contains("deploy/x.sql")).findFirst().orElseThrow();

        RunContext ctx = new RunContext(project, env, Clock.systemUTC(), dir.resolve("home"));
        PsqlClient ours = new PsqlClient(client.toString(), PgUri.parse(uri), Map.of("b", "2", "a", "1 2"), "sqitch",
                ctx);
        List<String> expected = new ArrayList<>(ours.command("deploy/x.sql"));
        expected.add("PGPASSWORD=s3cr et");
        assertEquals(expected.subList(1, expected.size()), sqitchCall);
        assertTrue(!String.join(" ", ours.command("deploy/x.sql")).contains("s3cr"), "no password in argv");

        Files.delete(log);
        CollectingSink sink = new CollectingSink();
        Files.writeString(project.resolve("deploy/y.sql"), "SELECT :'a' || :b;\nSELECT nosuch;\n");
        int rc = ours.run("deploy/y.sql", sink);
        assertEquals(3, rc);
        assertEquals("1 22\n", sink.out.toString());
        assertEquals(List.of("psql:deploy/y.sql:2: ERROR:  column \"nosuch\" does not exist",
                "LINE 1: SELECT nosuch;", "               ^"), sink.err);
        assertEquals("\"" + client + "\" unexpectedly returned exit value 3", ours.failure(rc));
    }

    @Test
    void conninfoAsSqitchBuildsIt() {
        RunContext ctx = new RunContext(dir, Map.of(), Clock.systemUTC(), dir);
        assertEquals("dbname=e_uri_forms", PsqlClient.conninfo(PgUri.parse("db:pg:e_uri_forms"), ctx));
        assertEquals("user=postgres dbname=e host=127.0.0.1 port=38857",
                PsqlClient.conninfo(PgUri.parse("db:pg://postgres@127.0.0.1:38857/e"), ctx));
        assertEquals("dbname=e host=h application_name=x sslmode=disable",
                PsqlClient.conninfo(PgUri.parse("db:pg://h/e?sslmode=disable&application_name=x"), ctx));
        assertEquals("service=flipr", PsqlClient.conninfo(PgUri.parse("db:pg:?service=flipr"), ctx));
        assertEquals("", PsqlClient.conninfo(PgUri.parse("db:pg:"), ctx));
        assertEquals("user=su dbname=a\\ b", PsqlClient.conninfo(PgUri.parse("db:pg://u@/a%20b"),
                new RunContext(dir, Map.of("SQITCH_USERNAME", "su"), Clock.systemUTC(), dir)));
    }

    @Test
    void missingClientFailsAsSqitchSays() {
        Map<String, String> env = new HashMap<>();
        PsqlClient c = new PsqlClient("/nonexistent/psql", PgUri.parse("db:pg:x"), Map.of(), "sqitch",
                new RunContext(dir, env, Clock.systemUTC(), dir));
        SqitchException e = assertThrows(SqitchException.class, () -> c.run("deploy/a.sql", new CollectingSink()));
        assertEquals("\"/nonexistent/psql\" failed to start: \"No such file or directory\"", e.getMessage());
    }
}
