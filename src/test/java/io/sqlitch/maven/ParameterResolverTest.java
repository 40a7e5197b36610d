package io.sqlitch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.SqitchException;
import java.io.File;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Every parameter of every goal, from the generated descriptor: -D reaches it, by the rule of its execution. */
class ParameterResolverTest {

    private static List<MojoDescriptor> goals() throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(r);
            return plugin.getMojos().stream().filter(m -> !m.getGoal().equals("help")).toList();
        }
    }

    /** A -D text for a field of this type, and the value the field must then hold. */
    private static Object[] sample(Class<?> type, String name) {
        if (type == boolean.class || type == Boolean.class) {
            return new Object[] {"true", true};
        }
        if (type == Integer.class) {
            return new Object[] {"7", 7};
        }
        if (type == File.class) {
            return new Object[] {"dir-" + name, new File("dir-" + name)};
        }
        if (type == List.class) {
            return new Object[] {"a, b,", List.of("a", "b")};
        }
        return new Object[] {"v-" + name, "v-" + name};
    }

    @Test
    void aCommandLineGoalTakesEveryMinusDOverThePom() throws Exception {
        int covered = 0;
        List<String> problems = new ArrayList<>();
        for (MojoDescriptor goal : goals()) {
            Object mojo = Class.forName(goal.getImplementation()).getDeclaredConstructor().newInstance();
            Properties user = new Properties();
            Map<String, String> params = KnownProperties.expressions(goal);
            for (Map.Entry<String, String> p : params.entrySet()) {
                Field f = ParameterResolver.field(mojo.getClass(), p.getKey());
                user.setProperty(p.getValue(), (String) sample(f.getType(), p.getKey())[0]);
            }
            MojoExecution cli = new MojoExecution(goal, "default-cli", MojoExecution.Source.CLI);
            cli.setConfiguration(pomConfiguring(params.keySet()));
            ParameterResolver.apply(mojo, cli, user);
            for (String name : params.keySet()) {
                Field f = ParameterResolver.field(mojo.getClass(), name);
                Object expected = sample(f.getType(), name)[1];
                if (!expected.equals(f.get(mojo))) {
                    problems.add(goal.getGoal() + "." + name + ": " + f.get(mojo) + " instead of " + expected);
                }
                covered++;
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(covered > 150, "every goal's parameters: " + covered);
    }

    @Test
    void aLifecycleExecutionKeepsWhatItsPomConfiguresAndTakesMinusDForTheRest() throws Exception {
        MojoDescriptor deploy = goals().stream().filter(m -> m.getGoal().equals("deploy")).findFirst().orElseThrow();
        DeployMojo mojo = new DeployMojo();
        MojoExecution bound = new MojoExecution(deploy, "deploy-it-db", MojoExecution.Source.LIFECYCLE);
        Xpp3Dom config = new Xpp3Dom("configuration");
        config.addChild(child("target", "db:sqlite:it.db"));
        config.addChild(child("toChange", "${sqlitch.toChange}"));
        bound.setConfiguration(config);
        Properties user = new Properties();
        user.setProperty("sqlitch.target", "db:sqlite:elsewhere.db");
        user.setProperty("sqlitch.toChange", "users");
        ParameterResolver.apply(mojo, bound, user);
        assertNull(ParameterResolver.field(DeployMojo.class, "target").get(mojo), "the pom's target stays");
        assertEquals("users", ParameterResolver.field(DeployMojo.class, "toChange").get(mojo));
    }

    @Test
    void aBooleanThatIsNotTrueOrFalseIsAnError() throws Exception {
        MojoDescriptor deploy = goals().stream().filter(m -> m.getGoal().equals("deploy")).findFirst().orElseThrow();
        Properties user = new Properties();
        user.setProperty("sqlitch.verify", "yes");
        SqitchException e = assertThrows(SqitchException.class, () -> ParameterResolver.apply(new DeployMojo(),
                new MojoExecution(deploy, "x", MojoExecution.Source.LIFECYCLE), user));
        assertEquals("Invalid value for sqlitch.verify: \"yes\" is not true or false", e.getMessage());
    }

    /** A configuration giving every parameter a pom value, which -D must beat on the command line. */
    private static Xpp3Dom pomConfiguring(Iterable<String> names) {
        Xpp3Dom config = new Xpp3Dom("configuration");
        names.forEach(n -> config.addChild(child(n, "pom")));
        return config;
    }

    private static Xpp3Dom child(String name, String value) {
        Xpp3Dom c = new Xpp3Dom(name);
        c.setValue(value);
        return c;
    }
}
