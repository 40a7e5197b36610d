package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.RunContext;
import io.sqlitch.target.DbUri;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The destination texts pg-spec.md §2.3 recorded from real Sqitch (errors/uri-forms 016, 021-028). */
class PgDestinationTest {

    private static String dest(String name, String uri, Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("USER", "osuser");
        return PgDestination.of(name, DbUri.of(uri), new RunContext(Path.of("/"), e, Clock.systemUTC(), Path.of("/")));
    }

    @Test
    void recordedForms() {
        assertEquals("flipr_test", dest("flipr_test", "db:pg:flipr_test", Map.of()));
        assertEquals("db:pg://postgres:@127.0.0.1:5432/db",
                dest("db:pg://postgres:s3cret@127.0.0.1:5432/db", "db:pg://postgres:s3cret@127.0.0.1:5432/db", Map.of()));
        assertEquals("db:pg:postgres", dest("db:pg:", "db:pg:", Map.of("PGUSER", "postgres")));
        assertEquals("db:pg:x", dest("db:pg:", "db:pg:", Map.of("PGDATABASE", "x", "PGUSER", "postgres")));
        assertEquals("db:pg://127.0.0.1/x", dest("db:pg://127.0.0.1", "db:pg://127.0.0.1", Map.of("PGDATABASE", "x")));
        assertEquals("db:pg:postgres?service=flipr",
                dest("db:pg:?service=flipr", "db:pg:?service=flipr", Map.of("PGUSER", "postgres")));
        assertEquals("db:pg://u:@h/u", dest("db:pg://u:p@h", "db:pg://u:p@h", Map.of("PGUSER", "other")));
        assertEquals("db:postgres:e_uri_forms", dest("db:postgres:e_uri_forms", "db:postgres:e_uri_forms", Map.of()));
        assertEquals("db:pg:osuser", dest("db:pg:", "db:pg:", Map.of()));
    }
}
