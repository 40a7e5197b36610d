package io.sqlitch.target;

/** Path text cleaned as Perl's File::Spec canonpath (Path::Class stringification): {@code ./deploy} → {@code deploy}. */
public final class PathText {

    private PathText() {
    }

    public static String clean(String path) {
        if (path == null || path.isEmpty()) {
            return path;
        }
        String p = path.replaceAll("/{2,}", "/");
        p = p.replaceAll("(?:/\\.)+(?:/|\\z)", "/");
        if (!p.equals("./")) {
            p = p.replaceAll("^(?:\\./)+", "");
        }
        p = p.replaceAll("^/(?:\\.\\./)+", "/");
        p = p.replaceAll("^/\\.\\.$", "/");
        if (!p.equals("/")) {
            p = p.replaceAll("/\\z", "");
        }
        return p.isEmpty() ? "." : p;
    }

    /** {@code dir/child} cleaned, with {@code .} as the current directory. */
    public static String join(String dir, String child) {
        return clean(dir.equals(".") ? child : dir + "/" + child);
    }
}
