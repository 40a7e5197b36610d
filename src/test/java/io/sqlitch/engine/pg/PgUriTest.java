package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlitch.SqitchException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgUriTest {

    @Test
    void readsEveryPartPercentDecoded() {
        PgUri uri = PgUri.parse("db:pg://m%40rge:s3cr%20et@db.example:6543/fl%20ipr?sslmode=require&application_name=a+b");
        assertEquals("pg", uri.engine());
        assertEquals(Optional.of("m@rge"), uri.user());
        assertEquals(Optional.of("s3cr et"), uri.password());
        assertEquals(Optional.of("db.example"), uri.host());
        assertEquals(Optional.of(6543), uri.port());
        assertEquals(Optional.of("fl ipr"), uri.dbName());
        assertEquals(List.of(Map.entry("sslmode", "require"), Map.entry("application_name", "a b")), uri.query());
    }

    @Test
    void opaqueAndEmptyForms() {
        assertEquals(Optional.of("flipr_test"), PgUri.parse("db:pg:flipr_test").dbName());
        PgUri empty = PgUri.parse("db:pg:");
        assertEquals(Optional.empty(), empty.dbName());
        assertEquals(Optional.empty(), empty.host());
        assertEquals(Optional.of("flipr"), PgUri.parse("db:pg:?service=flipr").param("service"));
        PgUri v6 = PgUri.parse("db:pg://[::1]:5433/x");
        assertEquals(Optional.of("::1"), v6.host());
        assertEquals(Optional.of(5433), v6.port());
        assertEquals(Optional.of("127.0.0.1"), PgUri.parse("db:pg://127.0.0.1").host());
    }

    @Test
    void schemesMapToSqitchEngines() {
        for (String s : List.of("pg", "postgres", "postgresql", "pgsql", "yugabyte", "yugabytedb", "pgxc")) {
            assertEquals("pg", PgUri.parse("db:" + s + ":x").engine(), s);
        }
        assertEquals("cockroach", PgUri.parse("db:cockroach:x").engine());
        assertEquals(Optional.of(5433), PgUri.parse("db:yugabyte:x").schemeDefaultPort());
        assertEquals(Optional.of(26257), PgUri.parse("db:cockroachdb:x").schemeDefaultPort());
        assertEquals(Optional.empty(), PgUri.parse("db:pg:x").schemeDefaultPort());
        assertThrows(SqitchException.class, () -> PgUri.parse("db:sqlite:x"));
    }

    @Test
    void passwordNeverShown() {
        PgUri uri = PgUri.parse("db:pg://postgres:s3cret@127.0.0.1:5432/db");
        assertFalse(uri.toString().contains("s3cret"), uri.toString());
        assertEquals("db:pg://postgres:@127.0.0.1:5432/db", PgUri.redact("db:pg://postgres:s3cret@127.0.0.1:5432/db"));
        SqitchException e = assertThrows(SqitchException.class, () -> PgUri.parse("db:pg://u:s3cret@h:abc/db"));
        assertEquals("Invalid port \"abc\" in db:pg://u:@h:abc/db", e.getMessage());
    }
}
