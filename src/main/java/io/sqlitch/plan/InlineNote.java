package io.sqlitch.plan;

/**
 * Where Sqitch's inline-note regex {@code ([[:blank:]]*)(?:#[[:blank:]]*(.*))?$} first matches a line, found by
 * hand: that unanchored regex was retried at every position of every line. Its first match starts at the blank
 * run before the first "#" (or, without "#", before the end of the line).
 *
 * @param start  where the match starts (the line's content ends there)
 * @param rspace the blank run
 * @param raw    the text after "#" and its blanks, or null when there is no "#"
 */
record InlineNote(int start, String rspace, String raw) {
    static InlineNote of(String line) {
        int hash = line.indexOf('#');
        int end = hash < 0 ? line.length() : hash;
        int start = end;
        while (start > 0 && Names.isBlank(line.charAt(start - 1))) {
            start--;
        }
        String raw = null;
        if (hash >= 0) {
            int from = hash + 1;
            while (from < line.length() && Names.isBlank(line.charAt(from))) {
                from++;
            }
            raw = line.substring(from);
        }
        return new InlineNote(start, line.substring(start, end), raw);
    }
}
