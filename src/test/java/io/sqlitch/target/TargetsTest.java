package io.sqlitch.target;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.config.SqitchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TargetsTest {

    @TempDir
    Path tmp;

    private Targets targets(String localConf, Map<String, String> extraEnv) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("p"));
        if (localConf != null) {
            Files.writeString(project.resolve("sqitch.conf"), localConf);
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "SQITCH_USER_CONFIG", tmp.resolve("none-user").toString(),
                "SQITCH_SYSTEM_CONFIG", tmp.resolve("none-system").toString()));
        env.putAll(extraEnv);
        RunContext ctx = new RunContext(project, env, Clock.systemUTC(), tmp);
        return new Targets(SqitchConfig.load(ctx), ctx);
    }

    @Test
    void defaultTargetComesFromTheEngine() throws Exception {
        Target t = targets("[core]\n\tengine = sqlite\n", Map.of()).resolve(TargetOptions.none());
        assertEquals("db:sqlite:", t.name());
        assertEquals(Optional.of("sqlite"), t.engine());
        assertEquals(Optional.empty(), t.dbName());
        assertEquals("sqitch", t.registry());
        assertEquals("sqlite3", t.client());
        assertEquals(".", t.topDir());
        assertEquals("sqitch.plan", t.planFile());
        assertEquals("deploy", t.deployDir());
        assertEquals(".", t.reworkedDir());
        assertEquals("verify", t.reworkedVerifyDir());
        assertEquals("sql", t.extension());
        assertEquals("db:sqlite:", t.registryDestination());
    }

    @Test
    void namedTargetAttributesFallBackThroughEngineAndCore() throws Exception {
        String conf = """
                [core]
                \tengine = sqlite
                \ttop_dir = db
                \textension = ddl
                [engine "sqlite"]
                \ttarget = dev
                \tregistry = meta
                \tclient = /usr/bin/sqlite3
                [engine "sqlite.variables"]
                \ta = 1
                [target "dev"]
                \turi = db:sqlite:dev.db
                \tregistry = devreg
                [target "dev.variables"]
                \tb = 2
                """;
        Target t = targets(conf, Map.of()).resolve(TargetOptions.none());
        assertEquals("dev", t.name());
        assertEquals("db:sqlite:dev.db", t.uri().text());
        assertEquals("devreg", t.registry());
        assertEquals("/usr/bin/sqlite3", t.client());
        assertEquals("db", t.topDir());
        assertEquals("db/sqitch.plan", t.planFile());
        assertEquals("db/deploy", t.deployDir());
        assertEquals("db/revert", t.reworkedRevertDir());
        assertEquals("ddl", t.extension());
        assertEquals(Map.of("a", "1", "b", "2"), t.variables());
        assertEquals("db:sqlite:devreg.db", t.registryUri().text());
        assertEquals(tmp.resolve("p/devreg.db"), t.registryFile(tmp.resolve("p")).orElseThrow());

        Target overridden = targets(conf, Map.of()).resolve(TargetOptions.builder().planFile("x.plan")
                .topDir("./top/").registry("r").client("c").dbName("other.db").extension("sql")
                .dirs(Map.of("deploy", "./d")).build());
        assertEquals("db:sqlite:other.db", overridden.uri().text());
        assertEquals("x.plan", overridden.planFile());
        assertEquals("top", overridden.topDir());
        assertEquals("d", overridden.deployDir());
        assertEquals("top/revert", overridden.revertDir());
        assertEquals("r", overridden.registry());
    }

    @Test
    void targetPrecedenceIsOptionThenEnvironmentThenCoreTarget() throws Exception {
        String conf = "[core]\n\tengine = sqlite\n\ttarget = a\n[target \"a\"]\n\turi = db:sqlite:a.db\n"
                + "[target \"b\"]\n\turi = db:sqlite:b.db\n";
        assertEquals("a", targets(conf, Map.of()).resolve(TargetOptions.none()).name());
        assertEquals("b", targets(conf, Map.of("SQITCH_TARGET", "b")).resolve(TargetOptions.none()).name());
        assertEquals("db:sqlite:c.db", targets(conf, Map.of("SQITCH_TARGET", "b"))
                .resolve(TargetOptions.none().withTarget("db:sqlite:c.db")).name());
    }

    @Test
    void reportsSqitchErrors() throws Exception {
        assertEquals("No project configuration found. Run the \"init\" command to initialize a project",
                assertThrows(SqitchException.class, () -> targets(null, Map.of()).resolve(TargetOptions.none()))
                        .getMessage());
        assertEquals("No engine specified; specify via target or core.engine",
                assertThrows(SqitchException.class, () -> targets("[user]\n\tname = x\n", Map.of())
                        .resolve(TargetOptions.none())).getMessage());
        Targets t = targets("[core]\n\tengine = sqlite\n[target \"nouri\"]\n\tregistry = x\n", Map.of());
        assertEquals("Cannot find target \"x\"", assertThrows(SqitchException.class,
                () -> t.named("x", TargetOptions.none())).getMessage());
        assertEquals("No URI associated with target \"nouri\"", assertThrows(SqitchException.class,
                () -> t.named("nouri", TargetOptions.none())).getMessage());
    }

    @Test
    void engineLessDefaultTargetForCommandsWithoutEngine() throws Exception {
        Target t = targets("[user]\n\tname = x\n", Map.of()).defaultTarget(TargetOptions.none());
        assertEquals("db:", t.name());
        assertEquals(Optional.empty(), t.engine());
    }

    @Test
    void listsAllTargetsLikeSqitch() throws Exception {
        String conf = "[core]\n\tengine = sqlite\n[target \"a\"]\n\turi = db:sqlite:a.db\n"
                + "[engine \"pg\"]\n\tclient = psql\n";
        List<String> names = targets(conf, Map.of()).all().stream().map(Target::name).toList();
        assertEquals(List.of("db:sqlite:", "a", "db:pg:"), names);
    }

    @Test
    void aClientConfiguredAtAnyLevelIsKnownAsConfiguredEvenWhenItIsTheDefaultName() throws Exception {
        String base = "[core]\n\tengine = pg\n[target \"t\"]\n\turi = db:pg:flipr\n";
        TargetOptions byName = TargetOptions.none().withTarget("t");
        Target none = targets(base, Map.of()).resolve(byName);
        assertEquals("psql", none.client());
        assertEquals(Optional.empty(), none.configuredClient());
        assertEquals(Optional.of("psql"), targets(base + "[core]\n\tclient = psql\n", Map.of()).resolve(byName)
                .configuredClient());
        assertEquals(Optional.of("psql"), targets(base + "[engine \"pg\"]\n\tclient = psql\n", Map.of())
                .resolve(byName).configuredClient());
        assertEquals(Optional.of("psql"), targets(base + "\tclient = psql\n", Map.of()).resolve(byName)
                .configuredClient());
        // Sqitch's precedence: --client, then target, engine, core.
        String all = base + "\tclient = /t/psql\n[engine \"pg\"]\n\tclient = /e/psql\n[core]\n\tclient = /c/psql\n";
        assertEquals(Optional.of("/t/psql"), targets(all, Map.of()).resolve(byName).configuredClient());
        assertEquals(Optional.of("/e/psql"), targets(all.replace("\tclient = /t/psql\n", ""), Map.of())
                .resolve(byName).configuredClient());
        TargetOptions given = TargetOptions.builder().target("t").client("psql").build();
        Target option = targets(all, Map.of()).resolve(given);
        assertEquals(Optional.of("psql"), option.configuredClient());
        assertEquals("psql", option.client());
    }
}
