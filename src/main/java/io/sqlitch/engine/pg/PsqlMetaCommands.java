package io.sqlitch.engine.pg;

import java.util.Set;

/** Which psql meta-commands the in-process runner runs, and which other names psql 15 knows. */
final class PsqlMetaCommands {

    /** Run in-process, as psql runs them. */
    static final Set<String> SUPPORTED = Set.of("set", "unset", "echo", "qecho", "warn", "i", "include", "ir",
            "include_relative", "if", "elif", "else", "endif", "q", "quit", "g", "gset");

    /** The conditional commands, which also run inside an inactive branch. */
    static final Set<String> CONDITIONALS = Set.of("if", "elif", "else", "endif");

    /** psql 15's other commands (backslash-d describe commands are matched by prefix). */
    private static final Set<String> KNOWN = Set.of("a", "bind", "c", "connect", "C", "cd", "conninfo", "copy",
            "copyright", "crosstabview", "e", "edit", "ef", "ev", "encoding", "errverbose", "f", "gdesc", "getenv",
            "gexec", "gx", "h", "help", "H", "html", "l", "list", "l+", "lo_export", "lo_import", "lo_list",
            "lo_unlink", "o", "out", "p", "print", "password", "prompt", "pset", "r", "reset", "s", "setenv", "sf",
            "sv", "t", "T", "timing", "w", "write", "watch", "x", "z", "!", "?", "sf+", "sv+", "ef+", "ev+");

    private PsqlMetaCommands() {
    }

    /** psql knows the command (case-sensitive, except that psql 15 also takes {@code \COPY}). */
    static boolean known(String name) {
        return SUPPORTED.contains(name) || KNOWN.contains(name) || name.equals("COPY")
                || name.startsWith("d") && name.length() <= 5;
    }
}
