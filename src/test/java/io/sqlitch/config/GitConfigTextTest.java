package io.sqlitch.config;

import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GitConfigTextTest {

    @TempDir
    Path tmp;

    private static String value(String line) {
        List<GitConfigText.Item> items = GitConfigText.parse("[s]\n" + line + "\n", "f");
        return items.get(1).value();
    }

    @Test
    void parsesValuesWithConfigGitLikeSemantics() {
        // Trailing blanks before the end of line collapse to one space that stays (as Config::GitLike does).
        assertEquals("a b c ", value("k =   a   b\tc   "));
        assertEquals("  spaced  ", value("k = \"  spaced  \""));
        assertEquals("x", value("k = x ; comment"));
        assertEquals("a#b", value("k = \"a#b\""));
        assertEquals("back\\slash", value("k = back\\\\slash"));
        assertEquals("tab\there", value("k = tab\\there"));
        assertEquals("line\nbreak", value("k = line\\nbreak"));
        assertEquals("joined", value("k = join\\\ned"));
        assertEquals("q\"q", value("k = q\\\"q"));
        // Config::GitLike quirk: \" inside quotes is not unescaped.
        assertEquals("a \\\"q\\\"", value("k = \"a \\\"q\\\"\""));
        assertEquals(null, value("flag"));
        assertEquals(null, value("flag ; comment"));
        assertEquals("", value("k ="));
    }

    @Test
    void sectionsAreCaseInsensitiveAndSubsectionsKeepCase() {
        List<GitConfigText.Item> items = GitConfigText.parse("[Core]\n[target \"Dev\\\"x\"] uri = u\n", "f");
        assertEquals("core", items.get(0).section());
        assertEquals("target.Dev\"x", items.get(1).section());
        assertEquals("uri", items.get(2).name());
    }

    @Test
    void reportsParseErrorsAsConfigGitLike() {
        SqitchException e = assertThrows(SqitchException.class,
                () -> GitConfigText.parse("[core]\n\tengine = sqlite\n= bad\n", "sqitch.conf"));
        // Config::GitLike counts one line too many.
        assertEquals("Error parsing sqitch.conf at line 4, position 0.\nBad line was: '= bad'", e.getMessage());
        assertThrows(SqitchException.class, () -> GitConfigText.parse("k = v\n", "f"));
    }

    @Test
    void editsKeepEveryOtherByteAndTheNewlineConvention() throws Exception {
        Path file = tmp.resolve("x.conf");
        String crlf = "# head\r\n[core]\r\n  engine=sqlite   ; keep\r\n\r\n[other]\r\n\tk = v\r\n";
        Files.writeString(file, crlf);
        ConfigFile cf = new ConfigFile(file);
        cf.set("core.top_dir", "db");
        assertEquals("# head\r\n[core]\r\n  engine=sqlite   ; keep\r\n\ttop_dir = db\r\n\r\n[other]\r\n\tk = v\r\n",
                Files.readString(file));
        cf.set("core.engine", "pg");
        assertEquals("# head\r\n[core]\r\n  engine = pg\r\n\ttop_dir = db\r\n\r\n[other]\r\n\tk = v\r\n",
                Files.readString(file));
    }

    @Test
    void writesQuotedAndEscapedValues() {
        assertEquals("k = \" lead\"", GitConfigText.formatDefinition("k", " lead"));
        assertEquals("k = \"a;b\"", GitConfigText.formatDefinition("k", "a;b"));
        assertEquals("k = \"a\\\\b \\\"q\\\" \\t\\n\"", GitConfigText.formatDefinition("k", "a\\b \"q\" \t\n"));
        assertEquals("k = a\\tb", GitConfigText.formatDefinition("k", "a\tb"));
        assertEquals("[target \"dev\"]", GitConfigText.formatSection("target.dev"));
    }

    @Test
    void renamesAndRemovesSectionsWithTheirVariables() {
        String c = "[a]\n\tx = 1\n[b]\n\ty = 2\n[a]\n\tz = 3\n";
        assertEquals("[c]\n\tx = 1\n[b]\n\ty = 2\n[c]\n\tz = 3\n", GitConfigText.renameSection(c, "f", "a", "c"));
        assertEquals("[b]\n\ty = 2\n", GitConfigText.renameSection(c, "f", "a", null));
        assertEquals("No such section 'q'", assertThrows(SqitchException.class,
                () -> GitConfigText.renameSection(c, "f", "q", null)).getMessage());
    }

    @Test
    void castsTypedValues() {
        assertEquals("true", ConfigValues.cast("yes", "bool"));
        assertEquals("false", ConfigValues.cast("", "bool"));
        assertEquals("1024", ConfigValues.cast("1k", "int"));
        assertEquals("3145728", ConfigValues.cast("3m", "int"));
        assertEquals("1.5", ConfigValues.cast("1.5", "num"));
        assertEquals("1", ConfigValues.cast("1.5", "int"));
        assertEquals("7", ConfigValues.cast("7", "bool-or-int"));
        assertEquals("true", ConfigValues.cast("on", "bool-or-int"));
        assertEquals("Invalid bool 'maybe'", assertThrows(SqitchException.class,
                () -> ConfigValues.cast("maybe", "bool")).getMessage());
    }
}
