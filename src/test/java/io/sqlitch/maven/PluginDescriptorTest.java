package io.sqlitch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The generated plugin descriptor: what {@code mvn sqlitch:help -Ddetail} and IDEs show users. */
class PluginDescriptorTest {

    // Pom-only on purpose: a -D value would be split at commas, and a note is never split.
    private static final Set<String> POM_ONLY = Set.of("notes");

    @Test
    void everyParameterHasADescriptionASinceAndASqlitchProperty() throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        Assumptions.assumeTrue(Files.exists(descriptor), "descriptor is generated at process-classes");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        List<String> problems = new ArrayList<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            assertEquals("true", text(mojo, "threadSafe"), goal + " is thread-safe");
            Element parameters = child(mojo, "parameters");
            Element configuration = child(mojo, "configuration");
            for (Node n = parameters.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element p) || "false".equals(text(p, "editable"))) {
                    continue;
                }
                String name = text(p, "name");
                if (text(p, "description").isBlank()) {
                    problems.add(goal + "." + name + ": no description");
                }
                if (!"0.1.0".equals(text(p, "since"))) {
                    problems.add(goal + "." + name + ": no @since 0.1.0");
                }
                Element config = configuration == null ? null : child(configuration, name);
                String expression = config == null ? "" : config.getTextContent().trim();
                if (!POM_ONLY.contains(name) && !expression.matches("\\$\\{sqlitch\\.[A-Za-z.]+}")) {
                    problems.add(goal + "." + name + ": no sqlitch.* property (" + expression + ")");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent();
    }
}
