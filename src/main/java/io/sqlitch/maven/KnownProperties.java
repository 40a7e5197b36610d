package io.sqlitch.maven;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The {@code sqlitch.*} user properties this plugin reads, taken from its own descriptor (every goal's parameter
 * expressions, plus {@code sqlitch.<goal>.skip}), so a typo such as {@code -Dsqlitch.tagret} is reported instead of
 * silently ignored.
 */
final class KnownProperties {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(sqlitch\\.[^}]+)}");
    private static final String PREFIX = "sqlitch.";
    /** Not a goal's: this project's test switch, which .ci/run passes to every Maven it starts (MAVEN_ARGS). */
    private static final String REQUIRE_ORACLE = "sqlitch.requireOracle";

    private final Set<String> names;

    KnownProperties(Collection<String> names) {
        this.names = new TreeSet<>(names);
    }

    /** Every property of every goal of the plugin that {@code mojo} belongs to. */
    static KnownProperties of(MojoDescriptor mojo) {
        Set<String> names = new TreeSet<>(Set.of(REQUIRE_ORACLE));
        List<MojoDescriptor> mojos = mojo.getPluginDescriptor() == null ? List.of(mojo)
                : mojo.getPluginDescriptor().getMojos();
        for (MojoDescriptor m : mojos) {
            names.add(PREFIX + m.getGoal() + ".skip");
            names.addAll(expressions(m).values());
        }
        return new KnownProperties(names);
    }

    /**
     * Each parameter's {@code sqlitch.*} property by parameter name, from the {@code ${...}} expressions of the
     * descriptor's {@code <configuration>} (where plugin.xml keeps them).
     */
    static Map<String, String> expressions(MojoDescriptor mojo) {
        Map<String, String> byName = new LinkedHashMap<>();
        PlexusConfiguration conf = mojo.getMojoConfiguration();
        for (PlexusConfiguration child : conf == null ? new PlexusConfiguration[0] : conf.getChildren()) {
            Matcher m = EXPRESSION.matcher(String.valueOf(child.getValue(null)).trim());
            if (m.matches()) {
                byName.put(child.getName(), m.group(1));
            }
        }
        return byName;
    }

    Set<String> names() {
        return names;
    }

    /** One warning per {@code sqlitch.*} user property this plugin does not know, naming the closest known one. */
    List<String> warnings(Properties user) {
        return user.stringPropertyNames().stream().filter(n -> n.startsWith(PREFIX) && !names.contains(n))
                .sorted().map(n -> "Unknown property " + n + " is ignored; did you mean " + closest(n) + "?")
                .toList();
    }

    String closest(String name) {
        return names.stream().min(Comparator.comparingInt((String k) -> distance(name, k))
                .thenComparing(Comparator.naturalOrder())).orElse(PREFIX + "skip");
    }

    /** Levenshtein distance, with a swap of neighbours counting one (the usual typo, {@code tagret}). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
