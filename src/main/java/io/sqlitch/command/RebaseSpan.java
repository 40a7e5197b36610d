package io.sqlitch.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The changes a rebase reverts to and deploys up to, from its options and change arguments (Sqitch's order), for
 * {@code rebase} and its preview.
 *
 * @param onto the change to revert to (null: everything)
 * @param upto the change to deploy through (null: the whole plan)
 */
record RebaseSpan(String onto, String upto) {

    /** {@code ancestor}: {@code --modified}'s common ancestor, asked only with {@code --modified}. */
    static RebaseSpan of(CommandContext ctx, RebaseOptions o, List<String> changes, Supplier<String> ancestor) {
        List<String> rest = new ArrayList<>(changes);
        // With --modified the first change argument becomes the upto change, as in Sqitch.
        String onto = o.modified() ? ancestor.get()
                : o.ontoChange() != null ? o.ontoChange() : rest.isEmpty() ? null : rest.remove(0);
        String upto = o.uptoChange() != null ? o.uptoChange() : rest.isEmpty() ? null : rest.remove(0);
        if (!rest.isEmpty()) {
            // Locale::TextDomain leaves an undef placeholder unexpanded.
            ctx.out().warn("Too many changes specified; rebasing onto \"" + (onto == null ? "{onto}" : onto)
                    + "\" up to \"" + (upto == null ? "{upto}" : upto) + "\"");
        }
        return new RebaseSpan(onto, upto);
    }
}
