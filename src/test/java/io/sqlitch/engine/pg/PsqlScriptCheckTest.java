package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsqlScriptCheckTest {

    @TempDir
    Path cwd;

    private Optional<String> check(String path, String text) throws Exception {
        Path p = cwd.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return PsqlScriptCheck.refusal(cwd, path);
    }

    private static String refused(String where, String what) {
        return where + ": " + what + " is not supported by the in-process script runner; run the scripts through psql"
                + " instead: set engine.pg.client (or -Dsqlitch.client) to psql (sqitch engine alter pg --client psql)";
    }

    @Test
    void refusesUnsupportedMetaCommandsNamingFileAndLine() throws Exception {
        assertEquals(Optional.of(refused("deploy/a.sql:3", "the psql meta-command \\gexec")),
                check("deploy/a.sql", "SELECT 1;\n-- \\gexec in a comment is fine\nSELECT 'x' \\gexec\n"));
        assertEquals(Optional.of(refused("deploy/b.sql:2", "a backtick (shell) expression in \\set")),
                check("deploy/b.sql", "\\set ok 'a `b` c'\n\\set writer `echo $DB_WRITER_ROLE`\n"));
        assertEquals(Optional.of(refused("deploy/c.sql:1", "the psql meta-command \\copy")),
                check("deploy/c.sql", "\\copy t from program 'cat x'\n"));
        assertEquals(Optional.of(refused("deploy/d.sql:4", "the psql meta-command \\c")),
                check("deploy/d.sql", "\\if false\n\\echo x\n\\else\n\\c evergreen postgres\n\\endif\n"));
        assertEquals(Optional.empty(), check("deploy/sub/e.sql", "\\ir inc.sql\n"),
                "a missing include is psql's run-time error");
    }

    @Test
    void followsIncludesAndLeavesUnknownNamesToRunTime() throws Exception {
        Files.createDirectories(cwd.resolve("deploy/sub"));
        Files.writeString(cwd.resolve("deploy/sub/inc.sql"), "SELECT 1;\n\\connect other\n");
        assertEquals(Optional.of(refused("deploy/sub/inc.sql:2", "the psql meta-command \\connect")),
                check("deploy/sub/e.sql", "\\ir inc.sql\n"));
        assertEquals(Optional.empty(), check("deploy/f.sql", "\\SET x 1\nSELECT '\\gexec', $$ \\c $$;\n"
                + "/* \\copy */ SELECT 1; \\set a 1\n\\i :file\n"));
    }
}
