package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgConnectionSettingsTest {

    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();

    private PgConnectionSettings resolve(String uri, Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("USER", "osuser");
        RunContext ctx = new RunContext(home, e, Clock.systemUTC(), home);
        return PgConnectionSettings.resolve(PgUri.parse(uri), ctx, warnings::add);
    }

    @Test
    void uriBeatsEnvironmentWhichBeatsDefaults() {
        PgConnectionSettings s = resolve("db:pg://u@h:7000/d", Map.of("PGHOST", "eh", "PGPORT", "1",
                "PGUSER", "eu", "PGDATABASE", "ed"));
        assertEquals(List.of("h"), s.hosts());
        assertEquals(List.of(7000), s.ports());
        assertEquals("u", s.user());
        assertEquals("d", s.dbName());
        PgConnectionSettings env = resolve("db:pg:", Map.of("PGHOST", "eh", "PGPORT", "1", "PGUSER", "eu",
                "PGDATABASE", "ed", "PGPASSWORD", "pw", "PGAPPNAME", "app"));
        assertEquals(List.of("eh"), env.hosts());
        assertEquals(List.of(1), env.ports());
        assertEquals("eu", env.user());
        assertEquals("ed", env.dbName());
        assertEquals(Optional.of("pw"), env.password());
        assertEquals("app", env.jdbcProperties().getProperty("ApplicationName"));
        PgConnectionSettings none = resolve("db:pg:", Map.of());
        assertEquals(List.of("localhost"), none.hosts());
        assertEquals(List.of(5432), none.ports());
        assertEquals("osuser", none.user());
        assertEquals("osuser", none.dbName(), "libpq's dbname defaults to the user name");
        assertEquals(Optional.empty(), none.password());
    }

    @Test
    void sqitchUsernameAndPasswordBeatTheUri() {
        PgConnectionSettings s = resolve("db:pg://u:p@h/d", Map.of("SQITCH_USERNAME", "su", "SQITCH_PASSWORD", "sp"));
        assertEquals("su", s.user());
        assertEquals(Optional.of("sp"), s.password());
        assertFalse(s.toString().contains("sp]") || s.toString().contains("=sp"), s.toString());
    }

    @Test
    void yugabyteAndCockroachPortsBeatPgport() {
        assertEquals(List.of(5433), resolve("db:yugabyte://h/d", Map.of("PGPORT", "1")).ports());
        assertEquals(List.of(26257), resolve("db:cockroach://h/d", Map.of("PGPORT", "1")).ports());
        assertEquals(List.of(1), resolve("db:pg://h/d", Map.of("PGPORT", "1")).ports());
    }

    @Test
    void pgpassFirstMatchWithWildcardsAndEscapes() throws Exception {
        Path pass = home.resolve(".pgpass");
        Files.writeString(pass, "# comment\nother:*:*:*:nope\nh:5432:d:u:first\\:pw\n*:*:*:*:fallback\n");
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
        assertEquals(Optional.of("first:pw"), resolve("db:pg://u@h/d", Map.of()).password());
        assertEquals(Optional.of("fallback"), resolve("db:pg://u@h/other", Map.of()).password());
        assertEquals(Optional.of("uri"), resolve("db:pg://u:uri@h/d", Map.of()).password());
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.empty(), resolve("db:pg://u@h/d", Map.of()).password());
        assertEquals(List.of("WARNING: password file \"" + pass + "\" has group or world access; permissions should"
                + " be u=rw (0600) or less"), warnings);
    }

    @Test
    void pgpassfileVariableNamesAnotherFile() throws Exception {
        Path pass = home.resolve("elsewhere");
        Files.writeString(pass, "*:*:*:*:viaenv\n");
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
        assertEquals(Optional.of("viaenv"), resolve("db:pg://u@h/d", Map.of("PGPASSFILE", pass.toString())).password());
    }

    @Test
    void serviceFillsWhatTheUriLeavesOpenAndBeatsTheEnvironment() throws Exception {
        Files.writeString(home.resolve(".pg_service.conf"), "[other]\nhost=x\n\n# c\n[flipr]\nhost = sh\nport=6000\n"
                + "dbname=sd\nuser=su\nsslmode=disable\n[next]\nhost=y\n");
        PgConnectionSettings s = resolve("db:pg://u@/?service=flipr", Map.of("PGHOST", "eh", "PGDATABASE", "ed"));
        assertEquals(List.of("sh"), s.hosts());
        assertEquals(List.of(6000), s.ports());
        assertEquals("sd", s.dbName());
        assertEquals("u", s.user(), "the URI's user beats the service's");
        assertEquals("disable", s.jdbcProperties().getProperty("sslmode"));
        assertEquals(List.of("y"), resolve("db:pg:", Map.of("PGSERVICE", "next")).hosts());
        SqitchException e = assertThrows(SqitchException.class, () -> resolve("db:pg:?service=nope",
                Map.of("PGSYSCONFDIR", home.resolve("none").toString())));
        assertEquals("definition of service \"nope\" not found", e.getMessage());
    }

    @Test
    void unsupportedOptionsAndSocketsAreRefusedClearly() {
        SqitchException e = assertThrows(SqitchException.class, () -> resolve("db:pg://h/d?hostaddr=1.2.3.4", Map.of()));
        assertTrue(e.getMessage().startsWith("connection option \"hostaddr\" is not supported"), e.getMessage());
        e = assertThrows(SqitchException.class, () -> resolve("db:pg:d", Map.of("PGHOST", "/var/run/postgresql")));
        assertTrue(e.getMessage().contains("Unix-domain socket (host \"/var/run/postgresql\")"), e.getMessage());
        e = assertThrows(SqitchException.class, () -> resolve("db:pg:d?client_encoding=LATIN1", Map.of()));
        assertTrue(e.getMessage().contains("LATIN1"), e.getMessage());
    }

    @Test
    void jdbcUrlAndProperties() {
        PgConnectionSettings s = resolve("db:pg://u@h1,h2:5433/my%20db?target_session_attrs=read-write"
                + "&connect_timeout=3", Map.of());
        assertEquals(List.of("h1", "h2"), s.hosts());
        assertEquals("jdbc:postgresql://h1:5433,h2:5433/my%20db", s.jdbcUrl());
        assertEquals("primary", s.jdbcProperties().getProperty("targetServerType"));
        assertEquals("3", s.jdbcProperties().getProperty("connectTimeout"));
        assertEquals("", s.jdbcProperties().getProperty("password"), "always set: pgjdbc must read no file itself");
    }
}
