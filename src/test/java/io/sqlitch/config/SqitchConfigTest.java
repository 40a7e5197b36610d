package io.sqlitch.config;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqitchConfigTest {

    @TempDir
    Path tmp;

    @Test
    void anUndecodableFileIsAnErrorNamingFileAndLineAndIsNeverRewritten() throws Exception {
        Path conf = tmp.resolve("sqitch.conf");
        byte[] bytes = "[core]\n\tengine = sqlite\n[engine \"sqlite\"]\n\ttarget = db:sqlite:x.db\n[user]\n\tname = A\u00ffB\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(conf, bytes);
        RunContext ctx = new RunContext(tmp, Map.of("SQITCH_SYSTEM_CONFIG", tmp.resolve("none").toString(),
                "SQITCH_USER_CONFIG", tmp.resolve("none").toString()), Clock.systemUTC(), tmp);
        SqitchException read = assertThrows(SqitchException.class, () -> SqitchConfig.load(ctx));
        assertTrue(read.getMessage().contains(conf + " at line 6"), read.getMessage());
        SqitchException write = assertThrows(SqitchException.class,
                () -> new ConfigFile(conf, "sqitch.conf").set("core.verbosity", "1"));
        assertEquals("Error parsing sqitch.conf at line 6: invalid UTF-8 byte <FF>", write.getMessage());
        assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(Files.readAllBytes(conf)));
    }

    @Test
    void laterScopesWinPerKeyAndReplaceMultiValuesWholesale() throws Exception {
        Path system = tmp.resolve("system.conf");
        Path user = tmp.resolve("user.conf");
        Path project = Files.createDirectories(tmp.resolve("project/sub/dir"));
        Files.writeString(system, "[core]\n\tengine = pg\n\tregistry = sys\n[m]\n\tv = 1\n\tv = 2\n");
        Files.writeString(user, "[core]\n\tengine = mysql\n[m]\n\tv = 3\n[user]\n\tname = U\n");
        Files.writeString(tmp.resolve("project/sqitch.conf"), "[core]\n\tengine = sqlite\n[user]\n\tflag\n");
        RunContext ctx = new RunContext(project, Map.of("SQITCH_SYSTEM_CONFIG", system.toString(),
                "SQITCH_USER_CONFIG", user.toString()), Clock.systemUTC(), tmp);
        SqitchConfig config = SqitchConfig.load(ctx);
        assertTrue(config.initialized());
        assertEquals(Optional.of(tmp.resolve("project/sqitch.conf")), config.foundLocalFile());
        assertEquals(project.resolve("sqitch.conf"), config.localFile());
        assertEquals(Optional.of("sqlite"), config.get("CORE.Engine"));
        assertEquals(Optional.of("sys"), config.get("core.registry"));
        assertEquals(List.of("3"), config.getAll("m.v"));
        assertEquals(Optional.empty(), config.get("user.flag"));
        assertTrue(config.has("user.flag"));
        assertTrue(config.getBool("user.flag", false));
        assertEquals(List.of("core.engine=sqlite", "core.registry=sys", "m.v=3", "user.flag", "user.name=U"),
                config.dump());
    }

    @Test
    void multiValuesWithinOneFile() throws Exception {
        Path file = tmp.resolve("x.conf");
        Files.writeString(file, "[m]\n\tv = 1\n\tv = 2\n");
        SqitchConfig config = SqitchConfig.ofFile(file);
        assertTrue(config.isMultiple("m.v"));
        assertEquals("Multiple values", assertThrows(SqitchException.class, () -> config.get("m.v")).getMessage());
        assertEquals(List.of("m.v=[1, 2]"), config.dump());
    }

    @Test
    void includePathLoadsAnotherFileRelativeToTheIncludingOne() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("inc"));
        Files.writeString(project.resolve("sqitch.conf"),
                "[core]\n\tengine = sqlite\n[include]\n\tpath = extra.conf\n[x]\n\ty = outer\n");
        Files.writeString(project.resolve("extra.conf"), "[x]\n\ty = inner\n\tz = 1\n");
        RunContext ctx = new RunContext(project, Map.of("SQITCH_SYSTEM_CONFIG", tmp.resolve("n1").toString(),
                "SQITCH_USER_CONFIG", tmp.resolve("n2").toString()), Clock.systemUTC(), tmp);
        // Matches `sqitch config --list` on the same files.
        assertEquals(List.of("core.engine=sqlite", "include.path=[extra.conf]", "x.y=outer", "x.z=1"),
                SqitchConfig.load(ctx).dump());
    }

    @Test
    void noLocalFileMeansNotInitialized() {
        RunContext ctx = new RunContext(tmp, Map.of("SQITCH_SYSTEM_CONFIG", tmp.resolve("n1").toString(),
                "SQITCH_USER_CONFIG", tmp.resolve("n2").toString(), "SQITCH_CONFIG", "custom.conf"),
                Clock.systemUTC(), tmp);
        SqitchConfig config = SqitchConfig.load(ctx);
        assertFalse(config.initialized());
        assertEquals(tmp.resolve("custom.conf"), config.localFile());
    }
}
