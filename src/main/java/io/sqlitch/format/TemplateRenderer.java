package io.sqlitch.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Template::Tiny language Sqitch renders its script templates with ({@code sqitch add}):
 * {@code [% var.path %]}, {@code [% IF var %]}, {@code [% UNLESS var %]}, {@code [% FOREACH item IN list %]},
 * {@code [% ELSE %]} and {@code [% END %]}. {@code -%]} eats spaces and one newline after the tag;
 * {@code [%-} eats the spaces and the newline before it when the tag starts its line.
 *
 * <p>Values follow Perl: null, {@code ""} and {@code "0"} are false, any list or map is true (even empty);
 * unknown or {@code _private} names render as nothing; tags that are not directives are left as written.
 * Variables are Strings, Lists and Maps ({@code Boolean} and numbers print like Perl's).
 */
public final class TemplateRenderer {

    private static final Pattern TAG = Pattern.compile("\\[%([-+]?)\\s*(.*?)\\s*([-+]?)%\\]", Pattern.DOTALL);
    private static final Pattern EXPR = Pattern.compile("[a-z_][\\w.]*");
    private static final Pattern BLOCK = Pattern.compile(
            "(IF|UNLESS|FOREACH)\\s+(?:([a-z]\\w*)\\s+IN\\s+)?([a-z_][\\w.]*)", Pattern.DOTALL);
    private static final Pattern AFTER_CHOMP = Pattern.compile("^[ \\t]*\\n");
    private static final Pattern BEFORE_CHOMP = Pattern.compile("\\n[ \\t]*$");
    private static final Pattern ONLY_BLANKS = Pattern.compile("[ \\t]*");

    private TemplateRenderer() {
    }

    /** Renders {@code template} with {@code vars}. Throws IllegalArgumentException on unbalanced blocks. */
    public static String render(String template, Map<String, ?> vars) {
        List<Node> nodes = parse(tokenize(template));
        StringBuilder out = new StringBuilder();
        emit(nodes, new HashMap<>(vars), out);
        return out.toString();
    }

    private sealed interface Token permits Text, Tag {
    }

    private record Text(String text) implements Token {
    }

    private record Tag(String body, String raw) implements Token {
    }

    private static List<Token> tokenize(String template) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TAG.matcher(template);
        int pos = 0;
        boolean chompNext = false;
        while (m.find(pos)) {
            String body = m.group(2);
            boolean directive = isDirective(body);
            String text = template.substring(pos, m.start());
            if (chompNext) {
                text = AFTER_CHOMP.matcher(text).replaceFirst("");
            }
            if (directive && m.group(1).equals("-")) {
                Matcher before = BEFORE_CHOMP.matcher(text);
                if (before.find()) {
                    text = text.substring(0, before.start());
                } else if (pos == 0 && ONLY_BLANKS.matcher(text).matches()) {
                    text = "";
                }
            }
            tokens.add(new Text(text));
            tokens.add(directive ? new Tag(body, m.group()) : new Text(m.group()));
            chompNext = directive && m.group(3).equals("-");
            pos = m.end();
        }
        String rest = template.substring(pos);
        tokens.add(new Text(chompNext ? AFTER_CHOMP.matcher(rest).replaceFirst("") : rest));
        return tokens;
    }

    private static boolean isDirective(String body) {
        return EXPR.matcher(body).matches() || BLOCK.matcher(body).matches()
                || body.equals("ELSE") || body.equals("END");
    }

    private sealed interface Node permits TextNode, VarNode, IfNode, ForNode {
    }

    private record TextNode(String text) implements Node {
    }

    private record VarNode(String path) implements Node {
    }

    private record IfNode(boolean unless, String path, List<Node> then, List<Node> otherwise) implements Node {
    }

    private record ForNode(String var, String path, List<Node> body) implements Node {
    }

    private static List<Node> parse(List<Token> tokens) {
        int[] index = {0};
        List<Node> nodes = parseUntil(tokens, index, false);
        if (index[0] < tokens.size()) {
            throw new IllegalArgumentException("Unexpected " + ((Tag) tokens.get(index[0])).raw());
        }
        return nodes;
    }

    /** Parses nodes up to an ELSE or END tag (left at index) or the end of the tokens. */
    private static List<Node> parseUntil(List<Token> tokens, int[] index, boolean inBlock) {
        List<Node> nodes = new ArrayList<>();
        while (index[0] < tokens.size()) {
            Token token = tokens.get(index[0]);
            if (token instanceof Text text) {
                nodes.add(new TextNode(text.text()));
                index[0]++;
                continue;
            }
            Tag tag = (Tag) token;
            if (tag.body().equals("ELSE") || tag.body().equals("END")) {
                if (!inBlock) {
                    throw new IllegalArgumentException("Unexpected " + tag.raw());
                }
                return nodes;
            }
            index[0]++;
            Matcher block = BLOCK.matcher(tag.body());
            if (!block.matches()) {
                nodes.add(new VarNode(tag.body()));
                continue;
            }
            List<Node> body = parseUntil(tokens, index, true);
            List<Node> otherwise = List.of();
            if (index[0] < tokens.size() && ((Tag) tokens.get(index[0])).body().equals("ELSE")) {
                index[0]++;
                otherwise = parseUntil(tokens, index, true);
            }
            if (index[0] >= tokens.size() || !((Tag) tokens.get(index[0])).body().equals("END")) {
                throw new IllegalArgumentException("Missing [% END %] for " + tag.raw());
            }
            index[0]++;
            if (block.group(1).equals("FOREACH")) {
                if (block.group(2) == null) {
                    throw new IllegalArgumentException("FOREACH needs \"item IN list\": " + tag.raw());
                }
                nodes.add(new ForNode(block.group(2), block.group(3), body));
            } else {
                nodes.add(new IfNode(block.group(1).equals("UNLESS"), block.group(3), body, otherwise));
            }
        }
        return nodes;
    }

    private static void emit(List<Node> nodes, Map<String, Object> stash, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof TextNode text) {
                out.append(text.text());
            } else if (node instanceof VarNode var) {
                out.append(stringify(lookup(stash, var.path())));
            } else if (node instanceof IfNode cond) {
                boolean truth = truthy(lookup(stash, cond.path())) != cond.unless();
                emit(truth ? cond.then() : cond.otherwise(), stash, out);
            } else if (node instanceof ForNode loop) {
                if (lookup(stash, loop.path()) instanceof List<?> list) {
                    for (Object item : list) {
                        Map<String, Object> inner = new HashMap<>(stash);
                        inner.put(loop.var(), item);
                        emit(loop.body(), inner, out);
                    }
                }
            }
        }
    }

    private static Object lookup(Map<String, Object> stash, String path) {
        Object cursor = stash;
        for (String part : path.split("\\.", -1)) {
            if (part.startsWith("_")) {
                return null;
            }
            if (cursor instanceof Map<?, ?> map) {
                cursor = map.get(part);
            } else if (cursor instanceof List<?> list) {
                if (!part.matches("0|[1-9][0-9]*")) {
                    return "";
                }
                int i = Integer.parseInt(part);
                cursor = i < list.size() ? list.get(i) : null;
            } else {
                return "";
            }
        }
        return cursor;
    }

    private static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return !(s.length() == 0 || s.toString().equals("0"));
        }
        return true;
    }

    private static String stringify(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "";
        }
        return value.toString();
    }
}
