package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch bundle} options.
 *
 * @param destDir {@code --dest-dir}/{@code --dir}; null: {@code bundle.dest_dir}, else {@code bundle}
 * @param from    {@code --from}: first change to bundle (plan and scripts); null: {@code @ROOT}
 * @param to      {@code --to}: last change to bundle; null: {@code @HEAD}
 * @param all     {@code -a/--all}: bundle every configured target
 * @param args    positional arguments: targets (names, {@code db:} URIs, engines, plan files), each optionally
 *                followed by its from and to changes; empty: the default target
 */
public record BundleOptions(String destDir, String from, String to, boolean all, List<String> args) {

    public BundleOptions {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static BundleOptions defaults() {
        return new BundleOptions(null, null, null, false, List.of());
    }
}
