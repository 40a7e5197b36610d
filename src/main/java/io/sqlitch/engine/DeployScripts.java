package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.target.ScriptFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Sqitch 1.5.0's check that a change's deploy script exists (also with {@code --log-only}), made for every pending
 * change before anything is written: a deploy never stops half-way for a script that was never there. (1.3.1 runs
 * the client on the missing file, which fails with {@code Error: cannot open}, and --log-only records the change.)
 */
final class DeployScripts {

    private DeployScripts() {
    }

    /** @throws SqitchException {@code Deploy script deploy/b.sql does not exist} for the first one missing */
    static void requireAll(List<Change> pending, ScriptFiles files, Path directory) {
        requireAll(pending, files, display -> Files.exists(directory.resolve(display)));
    }

    /** As above, {@code exists} telling whether a display path names a script (a preview reads another branch). */
    static void requireAll(List<Change> pending, ScriptFiles files, Predicate<String> exists) {
        for (Change change : pending) {
            String display = files.deploy(change);
            if (!exists.test(display)) {
                throw new SqitchException("Deploy script " + display + " does not exist");
            }
        }
    }

    /**
     * The engine's refusal of a pending deploy script (or, with {@code --verify}, verify script), found before the
     * first one runs: the pg in-process runner's unsupported psql meta-command, say.
     */
    static void requireRunnable(List<Change> pending, ScriptFiles files, DatabaseEngine db, boolean withVerify) {
        for (Change change : pending) {
            Optional<String> refused = db.refusal(files.deploy(change));
            if (refused.isEmpty() && withVerify) {
                refused = db.refusal(files.verify(change));
            }
            if (refused.isPresent()) {
                throw new SqitchException(refused.get());
            }
        }
    }
}
