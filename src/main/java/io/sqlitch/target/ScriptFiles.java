package io.sqlitch.target;

import io.sqlitch.plan.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a change's deploy, revert and verify scripts live, as display paths ({@code deploy/users.sql}). An earlier,
 * reworked instance of a change lives in the reworked directories as {@code name@tag.sql}, the tag being the first
 * rework tag whose deploy script exists (Sqitch looks only in the deploy directory, for all three scripts).
 */
public final class ScriptFiles {

    private final Target target;
    private final Path workingDirectory;

    public ScriptFiles(Target target, Path workingDirectory) {
        this.target = target;
        this.workingDirectory = workingDirectory;
    }

    public String deploy(Change change) {
        return path(change, change.isReworked() ? target.reworkedDeployDir() : target.deployDir());
    }

    public String revert(Change change) {
        return path(change, change.isReworked() ? target.reworkedRevertDir() : target.revertDir());
    }

    public String verify(Change change) {
        return path(change, change.isReworked() ? target.reworkedVerifyDir() : target.verifyDir());
    }

    /** A display path resolved against the working directory. */
    public Path resolve(String displayPath) {
        return Target.resolve(workingDirectory, displayPath);
    }

    /**
     * Throws unless every change of the plan names scripts inside its script directories: checked before a
     * command runs anything, so a hand-written name such as {@code a/../../elsewhere/evil} stops it up front.
     */
    public void requireInside(Iterable<Change> changes) {
        for (Change change : changes) {
            deploy(change);
            revert(change);
            verify(change);
        }
    }

    /**
     * Throws unless {@code displayPath} (a script of change {@code name}) lies inside {@code dir}; for scripts named
     * by the registry rather than the plan ({@code where} says which).
     */
    public String inside(String dir, String displayPath, String name, String where) {
        Path base = resolve(dir);
        Path file = resolve(displayPath);
        if (!file.startsWith(base) || file.equals(base)) {
            throw new io.sqlitch.SqitchException("Change \"" + name + "\" (" + where + ") names a script outside "
                    + dir + ": " + displayPath);
        }
        return displayPath;
    }

    private String path(Change change, String dir) {
        List<String> segments = change.scriptPathSegments(target.extension(),
                candidate -> Files.exists(resolve(PathText.join(target.reworkedDeployDir(), String.join("/", candidate)))));
        return inside(dir, PathText.join(dir, String.join("/", segments)), change.name(),
                change.lineNumber() > 0 ? target.planFile() + " line " + change.lineNumber() : target.planFile());
    }
}
