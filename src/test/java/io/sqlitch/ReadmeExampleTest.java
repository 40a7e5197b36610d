package io.sqlitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's example poms are copies of tested invoker ITs: a change to one without the other fails here. */
class ReadmeExampleTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- readme-example: (\\S+) -->\\n```xml\\n(.*?)```\\n", Pattern.DOTALL);

    @Test
    void everyExamplePomIsItsInvokerITWithThePluginsRealCoordinates() throws IOException {
        String readme = read(Path.of("README.md"));
        String version = project("version");
        Matcher m = EXAMPLE.matcher(readme);
        int examples = 0;
        while (m.find()) {
            String tested = read(Path.of(m.group(1)))
                    .replace("@project.groupId@", project("groupId"))
                    .replace("@project.artifactId@", project("artifactId"))
                    .replace("@project.version@", version);
            assertEquals(tested, m.group(2), "README's copy of " + m.group(1));
            examples++;
        }
        assertFalse(examples == 0, "README has no readme-example block");
    }

    // The project's own coordinates: the first element of that name in pom.xml (before any <parent> or dependency).
    private static String project(String element) throws IOException {
        Matcher m = Pattern.compile("\\n  <" + element + ">([^<]+)</" + element + ">").matcher(read(Path.of("pom.xml")));
        if (!m.find()) {
            throw new AssertionError("pom.xml has no project " + element);
        }
        return m.group(1);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
