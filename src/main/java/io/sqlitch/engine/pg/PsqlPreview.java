package io.sqlitch.engine.pg;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A pg script as the in-process runner would send it, for a preview: each statement with its variables
 * ({@code :v}, {@code :'v'}, {@code :"v"}) interpolated by {@link PsqlScanner} with the values current at that
 * point (the {@code set} and {@code unset} meta-commands applied as they come), COPY data kept, and every meta-command written back
 * with its arguments interpolated and quoted for psql, so that the real psql runs the text as the runner would
 * run the script. Leading comments are not kept (psql does not send them); {@code \if} branches are all written,
 * for psql to choose.
 */
public final class PsqlPreview {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=+-]+");

    private PsqlPreview() {
    }

    /** {@code text} rendered with {@code vars}, which the script's own settings change. */
    public static String render(String text, PsqlVariables vars) {
        PsqlScanner scanner = new PsqlScanner(text, vars);
        StringBuilder out = new StringBuilder();
        while (true) {
            PsqlScanner.Item item = scanner.next();
            if (item instanceof PsqlScanner.Statement s) {
                out.append(s.sql()).append('\n');
                if (PsqlScriptRunner.COPY_FROM_STDIN.matcher(s.sql()).matches()) {
                    out.append(scanner.copyData()).append("\\.\n");
                }
            } else if (item instanceof PsqlScanner.Meta m) {
                meta(m, scanner, vars, out);
            } else if (item instanceof PsqlScanner.End end) {
                if (!end.pending().isBlank()) {
                    out.append(end.pending()).append('\n');
                }
                return out.toString();
            }
        }
    }

    private static void meta(PsqlScanner.Meta m, PsqlScanner scanner, PsqlVariables vars, StringBuilder out) {
        List<String> args = PsqlMetaArgs.parse(m.args(), vars);
        if ((m.name().equals("g") || m.name().equals("gset")) && !scanner.bufferEmpty()) {
            out.append(scanner.takeBuffer().strip()).append(' ');
        }
        out.append('\\').append(m.name());
        for (String arg : args) {
            out.append(' ').append(PLAIN.matcher(arg).matches() ? arg
                    : "'" + arg.replace("\\", "\\\\").replace("'", "''") + "'");
        }
        out.append('\n');
        if (m.name().equals("set") && !args.isEmpty()) {
            vars.set(args.get(0), String.join("", args.subList(1, args.size())));
        } else if (m.name().equals("unset") && !args.isEmpty()) {
            vars.unset(args.get(0));
        }
    }
}
