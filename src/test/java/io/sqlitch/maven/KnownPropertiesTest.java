package io.sqlitch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.Test;

/** Typos in {@code -Dsqlitch.*} are reported with the closest property the plugin's own descriptor declares. */
class KnownPropertiesTest {

    private static KnownProperties fromDescriptor() throws Exception {
        Path xml = Path.of("target/classes/META-INF/maven/plugin.xml");
        try (Reader r = Files.newBufferedReader(xml)) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(r);
            return KnownProperties.of(plugin.getMojo("deploy"));
        }
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void everyGoalsPropertiesAndSkipsAreKnown() throws Exception {
        KnownProperties known = fromDescriptor();
        for (String name : List.of("sqlitch.target", "sqlitch.toChange", "sqlitch.yes", "sqlitch.boolOrInt",
                "sqlitch.jsonFile", "sqlitch.deploy.skip", "sqlitch.status.skip", "sqlitch.skip", "sqlitch.chdir")) {
            assertTrue(known.names().contains(name), name + " in " + known.names());
        }
        assertEquals(List.of(), known.warnings(props("sqlitch.target", "x", "sqlitch.deploy.skip", "",
                "sqlitch.requireOracle", "", "other.property", "y")));
    }

    @Test
    void aTypoIsWarnedWithTheClosestKnownProperty() throws Exception {
        KnownProperties known = fromDescriptor();
        assertEquals(List.of("Unknown property sqlitch.tagret is ignored; did you mean sqlitch.target?",
                "Unknown property sqlitch.tochange is ignored; did you mean sqlitch.toChange?"),
                known.warnings(props("sqlitch.tagret", "db:sqlite:x.db", "sqlitch.tochange", "@HEAD")));
    }

    @Test
    void aSwapOfNeighboursCountsOne() {
        assertEquals(1, KnownProperties.distance("tagret", "target"));
        assertEquals(3, KnownProperties.distance("kitten", "sitting"));
    }
}
