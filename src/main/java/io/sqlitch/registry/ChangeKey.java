package io.sqlitch.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change specifier split for a registry lookup (Sqitch's {@code _params_for_key}): exactly one of
 * {@code changeId}, {@code change} (with optional {@code tag}) or {@code tag} is set, plus an offset.
 *
 * @param changeId a 40-hex change id
 * @param change   a change name
 * @param tag      a tag name without {@code @} ({@code HEAD} and {@code ROOT} included)
 * @param offset   {@code ^} steps back (negative), {@code ~} forward (positive)
 */
public record ChangeKey(String changeId, String change, String tag, int offset) {

    // ASCII punctuation except "_": an offset only counts after a non-punctuation character.
    private static final Pattern OFFSET =
            Pattern.compile("(?<![-!\"#$%&'()*+,./:;<=>?@\\[\\\\\\]^`{|}~])([~^])(?:(\\1)|(\\d+))?\\z");
    private static final Pattern CHANGE_ID = Pattern.compile("[0-9a-f]{40}");

    /** Splits {@code key} like Sqitch: offset suffix, then {@code name@tag}, 40-hex id, HEAD/ROOT, or name. */
    public static ChangeKey parse(String key) {
        int offset = 0;
        Matcher m = OFFSET.matcher(key);
        if (m.find()) {
            offset = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(2) != null ? 2 : 1;
            if (m.group(1).equals("^")) {
                offset = -offset;
            }
            key = key.substring(0, m.start());
        }
        int at = key.indexOf('@');
        String name = at < 0 ? key : key.substring(0, at);
        String tag = at < 0 ? null : key.substring(at + 1);
        // Perl truthiness: an empty tag (or "0") counts as no tag.
        if (tag != null && !tag.isEmpty() && !tag.equals("0")) {
            return new ChangeKey(null, name, tag, offset);
        }
        if (CHANGE_ID.matcher(name).matches()) {
            return new ChangeKey(name, null, null, offset);
        }
        if (name.equals("HEAD") || name.equals("ROOT")) {
            return new ChangeKey(null, null, name, offset);
        }
        return new ChangeKey(null, name, null, offset);
    }
}
