package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pg script rendered for a preview, without a server: what the in-process runner would send, in order. */
class PsqlPreviewTest {

    private static String render(String script) {
        return PsqlPreview.render(script, PsqlVariables.forSqitch(Map.of("schema", "flipr", "who", "O'Vera"),
                "sqitch"));
    }

    @Test
    void variablesAreInterpolatedOutsideQuotesAndSetsApplyToWhatFollows() {
        assertEquals("CREATE SCHEMA \"flipr\";\n"
                + "SELECT 'O''Vera', ':who', \"sqitch\".x;\n"
                + "\\set who 'Marge N.'\n"
                + "SELECT 'Marge N.' /* :who */;\n"
                + "\\unset who\n"
                + "SELECT :'who';\n",
                render("-- Deploy\nCREATE SCHEMA :\"schema\";\nSELECT :'who', ':who', :\"registry\".x;\n"
                        + "\\set who 'Marge N.'\nSELECT :'who' /* :who */;\n\\unset who\nSELECT :'who';\n"));
    }

    @Test
    void copyDataMetaCommandsAndALastStatementWithoutSemicolonAreKept() {
        assertEquals("COPY \"flipr\".t FROM stdin;\na\tb\n\\.\n"
                + "\\echo flipr 'two words'\n"
                + "SELECT 1 AS one \\gset\n"
                + "SELECT 2\n",
                render("COPY :\"schema\".t FROM stdin;\na\tb\n\\.\n\\echo :schema 'two words'\n"
                        + "SELECT 1 AS one \\gset\nSELECT 2"));
    }
}
