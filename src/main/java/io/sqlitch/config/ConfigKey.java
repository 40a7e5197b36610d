package io.sqlitch.config;

import io.sqlitch.SqitchException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A config key split as Config::GitLike's {@code _split_key}: the section is the text before the first dot,
 * the name the text after the last dot, and anything between is the (case-sensitive) subsection.
 *
 * @param section    the section as given (may be null when the key has none)
 * @param subsection the subsection, or null
 * @param name       the variable name as given
 */
public record ConfigKey(String section, String subsection, String name) {

    private static final Pattern QUOTED_NAME = Pattern.compile("\\.[\"'](.*)[\"']$");
    private static final Pattern LAST_DOT = Pattern.compile("^(.*)\\.(.*)$");
    private static final Pattern SECTION_SPLIT = Pattern.compile("^([^.]+)(?:\\.(.*))?$");
    private static final Pattern DQ_TOKEN = Pattern.compile("\"[^\"]+\"|[^.]+");
    private static final Pattern SQ_TOKEN = Pattern.compile("'[^']+'|[^.]+");

    /** Splits a key; the section is null when the key has no usable section. */
    public static ConfigKey split(String key) {
        String section;
        String name;
        Matcher q = QUOTED_NAME.matcher(key);
        if (q.find()) {
            name = q.group(1);
            section = key.substring(0, q.start());
        } else {
            Matcher m = LAST_DOT.matcher(key);
            if (!m.matches()) {
                return new ConfigKey(null, null, null);
            }
            section = removeBalancedQuotes(m.group(1));
            name = removeBalancedQuotes(m.group(2));
        }
        Matcher s = SECTION_SPLIT.matcher(section);
        if (!s.matches()) {
            return new ConfigKey(null, null, name);
        }
        return new ConfigKey(s.group(1), s.group(2), name);
    }

    /** Splits a key for writing, with Config::GitLike's validation messages. */
    public static ConfigKey parse(String key) {
        ConfigKey k = split(key);
        if (k.section() == null) {
            throw new SqitchException("No section given in key or invalid key " + key);
        }
        if (!k.name().matches("^[^=\\n\\[][^=\\n]*$") || k.name().matches("(?s)(?:^[ \\t]+.*|.*[ \\t+]$)")) {
            throw new SqitchException("Invalid variable name " + k.name());
        }
        if (k.section().matches("(?s).*[\\s\\[\\]\"].*")) {
            throw new SqitchException("Invalid section name " + k.section());
        }
        return k;
    }

    /** The key as stored: lower-case section and name, subsection as is. */
    public static String canonical(String key) {
        ConfigKey k = split(key);
        if (k.section() == null || k.section().isEmpty()) {
            throw new SqitchException("No section given in key: " + key);
        }
        return k.canonical();
    }

    public String canonical() {
        return section.toLowerCase(Locale.ROOT) + (subsection == null ? "" : "." + subsection) + "."
                + name.toLowerCase(Locale.ROOT);
    }

    /** Config::GitLike's {@code _remove_balanced_quotes}: strips a pair of quotes inside each dotted part. */
    public static String removeBalancedQuotes(String key) {
        return strip(strip(key, DQ_TOKEN, '"'), SQ_TOKEN, '\'');
    }

    private static String strip(String key, Pattern token, char quote) {
        StringBuilder out = new StringBuilder();
        Matcher m = token.matcher(key);
        int last = 0;
        while (m.find()) {
            out.append(key, last, m.start());
            String t = m.group();
            int first = t.indexOf(quote);
            int end = t.lastIndexOf(quote);
            if (first >= 0 && end > first) {
                t = t.substring(0, first) + t.substring(first + 1, end) + t.substring(end + 1);
            }
            out.append(t);
            last = m.end();
        }
        out.append(key.substring(last));
        return out.toString();
    }
}
