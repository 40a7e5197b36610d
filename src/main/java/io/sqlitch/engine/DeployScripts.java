package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.target.ScriptFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        for (Change change : pending) {
            String display = files.deploy(change);
            if (!Files.exists(directory.resolve(display))) {
                throw new SqitchException("Deploy script " + display + " does not exist");
            }
        }
    }

    /**
     * The database's refusal of any script the run will execute (say, a psql meta-command its runner lacks), before
     * the first one runs: nothing is deployed or reverted for a script that could never run.
     *
     * @throws SqitchException the first refusal, naming file and line
     */
    static void refuseUpFront(DatabaseEngine db, List<String> scripts, Path directory) {
        for (String display : scripts) {
            if (Files.isRegularFile(directory.resolve(display))) {
                Optional<String> refusal = db.refusal(display);
                if (refusal.isPresent()) {
                    throw new SqitchException(refusal.get());
                }
            }
        }
    }
}
