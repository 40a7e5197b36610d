package io.sqlitch.format;

import io.sqlitch.SqitchException;
import java.util.Map;

/**
 * The built-in {@code --format} templates of {@code sqitch log} (committer) and {@code sqitch plan} (planner),
 * and the resolution of a {@code --format} value to a template ({@code format:<template>} for a custom one).
 * Multi-line templates end with a newline, like Sqitch's heredocs; the command adds another after each item.
 */
public final class FormatTemplates {

    /** {@code sqitch log}'s templates by name. */
    public static final Map<String, String> LOG = Map.of(
            "raw", """
                    %{:event}C%e %H%{reset}C%T
                    name      %n
                    project   %o
                    %{requires}a%{conflicts}aplanner   %{name}p <%{email}p>
                    planned   %{date:raw}p
                    committer %{name}c <%{email}c>
                    committed %{date:raw}c

                    %{    }B
                    """,
            "full", """
                    %{:event}C%L %h%{reset}C%T
                    %{name}_ %n
                    %{project}_ %o
                    %R%X%{planner}_ %p
                    %{planned}_ %{date}p
                    %{committer}_ %c
                    %{committed}_ %{date}c

                    %{    }B
                    """,
            "long", """
                    %{:event}C%L %h%{reset}C%T
                    %{name}_ %n
                    %{project}_ %o
                    %{planner}_ %p
                    %{committer}_ %c

                    %{    }B
                    """,
            "medium", """
                    %{:event}C%L %h%{reset}C
                    %{name}_ %n
                    %{committer}_ %c
                    %{date}_ %{date}c

                    %{    }B
                    """,
            "short", """
                    %{:event}C%L %h%{reset}C
                    %{name}_ %n
                    %{committer}_ %c

                    %{    }s
                    """,
            "oneline", "%{:event}C%h %l%{reset}C %o:%n %s");

    /** {@code sqitch plan}'s templates by name. */
    public static final Map<String, String> PLAN = Map.of(
            "raw", """
                    %{:event}C%e %H%{reset}C%T
                    name      %n
                    project   %o
                    %{requires}a%{conflicts}aplanner   %{name}p <%{email}p>
                    planned   %{date:raw}p

                    %{    }B
                    """,
            "full", """
                    %{:event}C%L %h%{reset}C%T
                    %{name}_ %n
                    %{project}_ %o
                    %R%X%{planner}_ %p
                    %{planned}_ %{date}p

                    %{    }B
                    """,
            "long", """
                    %{:event}C%L %h%{reset}C%T
                    %{name}_ %n
                    %{project}_ %o
                    %{planner}_ %p

                    %{    }B
                    """,
            "medium", """
                    %{:event}C%L %h%{reset}C
                    %{name}_ %n
                    %{planner}_ %p
                    %{date}_ %{date}p

                    %{    }B
                    """,
            "short", """
                    %{:event}C%L %h%{reset}C
                    %{name}_ %n
                    %{planner}_ %p

                    %{    }s
                    """,
            "oneline", "%{:event}C%h %l%{reset}C %n%{cyan}C%t%{reset}C");

    private FormatTemplates() {
    }

    /** The template for {@code sqitch log --format value}, or {@code Unknown log format "{format}"}. */
    public static String logTemplate(String value) {
        return resolve(value, LOG, "log");
    }

    /** The template for {@code sqitch plan --format value}, or {@code Unknown plan format "{format}"}. */
    public static String planTemplate(String value) {
        return resolve(value, PLAN, "plan");
    }

    private static String resolve(String value, Map<String, String> named, String command) {
        if (value.startsWith("format:")) {
            return value.substring("format:".length());
        }
        String template = named.get(value);
        if (template == null) {
            throw new SqitchException("Unknown " + command + " format \"" + value + "\"");
        }
        return template;
    }
}
