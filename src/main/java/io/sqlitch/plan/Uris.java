package io.sqlitch.plan;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Perl {@code URI->new($s)->canonical} for the project URI that goes into change and tag IDs. */
public final class Uris {

    /** Schemes whose URI class is server-based in URI.pm, with their default ports. */
    private static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(
            Map.entry("http", 80), Map.entry("https", 443), Map.entry("ftp", 21), Map.entry("gopher", 70),
            Map.entry("ldap", 389), Map.entry("ldaps", 636), Map.entry("mms", 1755), Map.entry("news", 119),
            Map.entry("nntp", 119), Map.entry("nntps", 563), Map.entry("snews", 563), Map.entry("pop", 110),
            Map.entry("rlogin", 513), Map.entry("rsync", 873), Map.entry("rtsp", 554), Map.entry("rtspu", 554),
            Map.entry("sip", 5060), Map.entry("sips", 5061), Map.entry("ssh", 22), Map.entry("sftp", 22),
            Map.entry("telnet", 23), Map.entry("tn3270", 23));

    private static final Pattern SCHEME = Pattern.compile("\\A([A-Za-z][A-Za-z0-9.+\\-]*):(.*)\\z", Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    private static final String RESERVED = ";/?:@&=+$,[]#";
    private static final String MARKS = "!*'()";

    private Uris() {
    }

    /** The canonical form of a URI string as Perl's URI module prints it. */
    public static String canonical(String uri) {
        String escaped = escapeUnsafe(uri);
        Matcher m = SCHEME.matcher(escaped);
        if (!m.matches()) {
            return normalizeEscapes(escaped);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        if (scheme.equals("urn")) {
            int colon = rest.indexOf(':');
            String nid = colon < 0 ? rest : rest.substring(0, colon);
            return "urn:" + normalizeEscapes(nid.toLowerCase(Locale.ROOT) + (colon < 0 ? "" : rest.substring(colon)));
        }
        Integer defaultPort = DEFAULT_PORTS.get(scheme);
        if (defaultPort == null || !rest.startsWith("//")) {
            return scheme + ":" + normalizeEscapes(rest);
        }
        String afterSlashes = rest.substring(2);
        int end = indexOfAny(afterSlashes, "/?#");
        String authority = end < 0 ? afterSlashes : afterSlashes.substring(0, end);
        String tail = end < 0 ? "" : afterSlashes.substring(end);
        String userinfo = "";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userinfo = authority.substring(0, at + 1);
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = null;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]") && authority.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        host = normalizeEscapes(host).toLowerCase(Locale.ROOT);
        if (port != null && (port.isEmpty() || Integer.parseInt(port) == defaultPort)) {
            port = null;
        }
        String path = tail;
        String query = null;
        int q = indexOfAny(tail, "?#");
        if (q >= 0) {
            path = tail.substring(0, q);
            if (tail.charAt(q) == '?') {
                query = tail.substring(q);
            }
        }
        String suffix = q >= 0 ? tail.substring(q) : "";
        if ((scheme.equals("http") || scheme.equals("https")) && path.isEmpty() && query == null) {
            path = "/";
        }
        return scheme + "://" + normalizeEscapes(userinfo) + host + (port == null ? "" : ":" + port)
                + normalizeEscapes(path + suffix);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** URI->new: a non-ASCII host becomes punycode, other unsafe characters are UTF-8 percent-encoded. */
    private static String escapeUnsafe(String uri) {
        Matcher m = Pattern.compile("\\A([A-Za-z][A-Za-z0-9.+\\-]*://)([^/?#]*)(.*)\\z", Pattern.DOTALL).matcher(uri);
        if (m.matches() && !m.group(2).chars().allMatch(c -> c < 128)) {
            String auth = m.group(2);
            int at = auth.lastIndexOf('@');
            String user = at < 0 ? "" : auth.substring(0, at + 1);
            String hostPort = auth.substring(at + 1);
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            String port = colon < 0 ? "" : hostPort.substring(colon);
            uri = m.group(1) + user + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port + m.group(3);
        }
        StringBuilder sb = new StringBuilder();
        uri.codePoints().forEach(cp -> {
            if (cp < 128 && cp > 32 && cp != 127 && (UNRESERVED.indexOf(cp) >= 0 || RESERVED.indexOf(cp) >= 0
                    || MARKS.indexOf(cp) >= 0 || cp == '%')) {
                sb.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        });
        return sb.toString();
    }

    /** Upper-cases %xx escapes and decodes those of unreserved characters. */
    private static String normalizeEscapes(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int value = Integer.parseInt(m.group(1), 16);
            String replacement = UNRESERVED.indexOf(value) >= 0 ? String.valueOf((char) value)
                    : "%" + m.group(1).toUpperCase(Locale.ROOT);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
