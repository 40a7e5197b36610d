package io.sqlitch.graph;

/** Escaping for the three output languages; names may hold {@code " < > & ' #} and notes anything. */
final class Escape {

    private Escape() {
    }

    /** XML text and attribute values (SVG, HTML). */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** The inside of a Graphviz double-quoted string. */
    static String dot(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The inside of a Mermaid {@code "..."} label: Mermaid reads {@code #name;} as an entity and would end the
     * label at a quote, so those characters (and markup) become numeric entity codes.
     */
    static String mermaid(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '#', '&', '<', '>', '`', ';' -> sb.append('#').append((int) c).append(';');
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code s} cut to {@code max} characters, ending in an ellipsis when cut. */
    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never half a character
        }
        return s.substring(0, end) + "\u2026";
    }
}
