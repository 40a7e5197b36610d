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

    /**
     * The revert script of a change known by name and rework tags (names without "@"; empty: not reworked), as
     * Sqitch builds it for a deployed change from the registry.
     */
    public String revert(String name, List<String> reworkTags) {
        return registryPath(name, reworkTags, reworkTags.isEmpty() ? target.revertDir() : target.reworkedRevertDir());
    }

    /** The verify script of a change known by name and rework tags, as {@link #revert(String, List)}. */
    public String verify(String name, List<String> reworkTags) {
        return registryPath(name, reworkTags, reworkTags.isEmpty() ? target.verifyDir() : target.reworkedVerifyDir());
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
        return inside(dir, rawPath(change.name(), change.reworkTags().stream().map(t -> t.name()).toList(), dir),
                change.name(), change.lineNumber() > 0 ? target.planFile() + " line " + change.lineNumber()
                        : target.planFile());
    }

    private String registryPath(String name, List<String> reworkTags, String dir) {
        return inside(dir, rawPath(name, reworkTags, dir), name, "the registry");
    }

    private String rawPath(String name, List<String> reworkTags, String dir) {
        List<String> segments = Change.scriptPathSegments(name, reworkTags, target.extension(),
                candidate -> Files.exists(resolve(PathText.join(target.reworkedDeployDir(), String.join("/", candidate)))));
        return PathText.join(dir, String.join("/", segments));
    }
}
