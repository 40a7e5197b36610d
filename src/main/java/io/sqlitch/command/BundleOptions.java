package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch bundle} options.
 *
 * @param destDir {@code --dest-dir}/{@code --dir}; null: {@code bundle.dest_dir}, else {@code bundle}
 * @param from    {@code --from}: first change to bundle (plan and scripts); null: {@code @ROOT}
 * @param to      {@code --to}: last change to bundle; null: {@code @HEAD}
 * @param all     {@code -a/--all}: bundle every configured target
 * @param targets positional targets (names or {@code db:} URIs); empty: the default target
 */
public record BundleOptions(String destDir, String from, String to, boolean all, List<String> targets) {

    public BundleOptions {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public static BundleOptions defaults() {
        return new BundleOptions(null, null, null, false, List.of());
    }
}
