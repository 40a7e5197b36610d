package io.sqlitch.maven;

import io.sqlitch.SqitchException;
import java.io.File;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The one place where a {@code -D} user property meets a goal's parameters, driven by the plugin descriptor (each
 * parameter's {@code ${sqlitch.x}} expression: no property name is written twice).
 *
 * <p>The rule: for a goal typed on the command line ({@code mvn sqlitch:deploy}, also {@code sqlitch:deploy@id}), a
 * {@code -D} beats the pom's {@code <configuration>}, so a command line can always override a build. For an
 * execution bound to the lifecycle ({@code mvn verify}), the pom's explicit configuration wins, as Maven's own rule
 * has it: one {@code -Dsqlitch.target} must not redirect a deploy to an integration database in every module; a
 * {@code -D} still fills the parameters that execution leaves unset. {@code SQITCH_*}, {@code sqitch.conf} and the
 * defaults come after, in the commands. Either way a boolean that is not true/false is an error, where Maven would
 * read {@code yes} as false.
 */
final class ParameterResolver {

    private ParameterResolver() {
    }

    /** Sets {@code mojo}'s parameter fields from the user properties, as the rule above says. */
    static void apply(Object mojo, MojoExecution execution, Properties user) {
        MojoDescriptor descriptor = execution.getMojoDescriptor();
        boolean fromCommandLine = execution.getSource() == MojoExecution.Source.CLI;
        for (Map.Entry<String, String> p : KnownProperties.expressions(descriptor).entrySet()) {
            String value = user.getProperty(p.getValue());
            if (value == null) {
                continue;
            }
            Field field = field(mojo.getClass(), p.getKey());
            Object converted = convert(p.getValue(), value, field.getType());
            if (fromCommandLine || !configuredInPom(execution, p.getKey(), p.getValue())) {
                set(mojo, field, converted);
            }
        }
    }

    /**
     * Whether the execution's merged configuration gives the parameter a value of its own rather than the
     * descriptor's {@code ${property}} (then Maven has already put the {@code -D} there, converted its way).
     */
    static boolean configuredInPom(MojoExecution execution, String name, String property) {
        Xpp3Dom config = execution.getConfiguration();
        Xpp3Dom child = config == null ? null : config.getChild(name);
        if (child == null) {
            return false;
        }
        String value = child.getValue();
        return child.getChildCount() > 0 || value != null && !value.trim().equals("${" + property + "}");
    }

    /** The parameter's field: its name is the parameter's (maven-plugin-plugin names parameters after fields). */
    static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new IllegalStateException("No field " + name + " in " + type.getName());
    }

    /** A {@code -D} text as the field's type; types the plugin does not use are a bug, reported as such. */
    static Object convert(String property, String value, Class<?> type) {
        if (type == String.class) {
            return value;
        }
        if (type == boolean.class || type == Boolean.class) {
            return bool(property, value);
        }
        if (type == Integer.class || type == int.class) {
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new SqitchException("Invalid value for " + property + ": \"" + value + "\" is not a number");
            }
        }
        if (type == File.class) {
            return new File(value);
        }
        if (type == List.class) {
            // A repeatable option: comma-separated on the command line (a <list> in the pom).
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        throw new IllegalStateException("Unsupported parameter type " + type.getName() + " of " + property);
    }

    /** {@code -Dx} alone means true; anything but true/false is an error. */
    static boolean bool(String property, String value) {
        String v = value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new SqitchException("Invalid value for " + property + ": \"" + value + "\" is not true or false");
    }

    private static void set(Object mojo, Field field, Object value) {
        try {
            field.set(mojo, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot set " + field, e);
        }
    }
}
