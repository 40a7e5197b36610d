package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which variables rebase's two phases see (Sqitch's RevertDeployCommand): the revert phase core, deploy and revert
 * sections, then the target's, then {@code --set} and {@code --set-revert}; the deploy phase core and deploy
 * sections, then the target's, then {@code --set} and {@code --set-deploy}. Sqitch collects but never uses them
 * for SQLite, so this is checked on our side only, through scripts that log their substituted values.
 */
class RebaseVariablesTest {

    @TempDir
    Path tmp;

    private EngineProject project() throws IOException {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "", "CREATE TABLE log (phase TEXT, who TEXT, step TEXT, color TEXT);\n",
                "DROP TABLE log;\n", "");
        p.add("flips", "users",
                "INSERT INTO log VALUES ('deploy', '${who}', '${step}', '${color}');\n",
                "INSERT INTO log VALUES ('revert', '${who}', '${step}', '${color}');\n", "");
        Files.writeString(p.dir.resolve("sqitch.conf"), """
                [core "variables"]
                \twho = core
                \tstep = core
                \tcolor = core
                [deploy "variables"]
                \tstep = deploy-config
                [revert "variables"]
                \tstep = revert-config
                \tcolor = revert-config
                [engine "sqlite.variables"]
                \tcolor = engine
                """, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(0, p.oursCli("deploy").exitValue());
        return p;
    }

    private static List<String> log(EngineProject p) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p.dir.resolve("flipr.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT phase, who, step, color FROM log ORDER BY rowid")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " who=" + rs.getString(2) + " step=" + rs.getString(3)
                        + " color=" + rs.getString(4));
            }
        }
        return rows;
    }

    @Test
    void eachPhaseLayersItsConfigSectionsUnderTheTargetsVariables() throws Exception {
        EngineProject p = project();
        assertEquals(0, p.oursCli("rebase", "-y", "--onto", "users").exitValue());
        assertEquals(List.of(
                "deploy who=core step=deploy-config color=engine",
                "revert who=core step=revert-config color=engine",
                "deploy who=core step=deploy-config color=engine"), log(p));
    }

    @Test
    void setRevertAndSetDeployOverrideSetInTheirPhaseOnly() throws Exception {
        EngineProject p = project();
        assertEquals(0, p.oursCli("rebase", "-y", "--onto", "users", "-s", "who=set", "-s", "color=set",
                "-r", "step=set-revert", "-e", "who=set-deploy").exitValue());
        assertEquals(List.of(
                "deploy who=core step=deploy-config color=engine",
                "revert who=set step=set-revert color=set",
                "deploy who=set-deploy step=deploy-config color=set"), log(p));
    }
}
