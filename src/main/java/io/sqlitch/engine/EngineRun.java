package io.sqlitch.engine;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import io.sqlitch.console.Prompter;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;
import java.nio.file.Files;
import java.util.List;

/**
 * What the algorithms of one command share: the target, its plan and script files, the output, the database
 * engine, and the progress line (replaced while verify prints, so script output continues the current line).
 */
final class EngineRun {

    final RunContext run;
    final Target target;
    final Plan plan;
    final Output out;
    final Prompter prompter;
    final ScriptFiles files;
    EngineOptions options;
    DatabaseEngine db;
    ProgressLine progress;
    /** The longest change name of the current batch, for the progress lines' alignment. */
    int maxNameLength;
    /** Sqitch's {@code start_at}: the change deployed before this run, for "Reverting to …". */
    String startAt;

    EngineRun(RunContext run, Target target, Plan plan, Output out, Prompter prompter, EngineOptions options) {
        this.run = run;
        this.target = target;
        this.plan = plan;
        this.out = out;
        this.prompter = prompter;
        this.options = options;
        this.files = new ScriptFiles(target, run.directory());
        this.progress = new ProgressLine(out::info);
    }

    RegistryStore registry() {
        return db.store();
    }

    Registry.LookupReporter reporter() {
        return new Registry.LookupReporter(out::vent, id -> plan.find(id).map(Change::formatTagQualifiedName));
    }

    SqitchException clientFailed() {
        return new SqitchException(db.clientFailure());
    }

    /**
     * Runs a script's body inside the open unit of work; a failure rolls the work back (nothing of the change is
     * left), prints the client's lines and fails as the client did.
     */
    void runBodyInWork(LoadedScript script) {
        ScriptResult result = db.runBody(script);
        if (!result.succeeded()) {
            db.rollbackWork();
            ventLines(result.errorLines());
            throw clientFailed();
        }
    }

    /** A failure's message, or the advice for a failure of the database library. */
    String explain(SqitchException e) {
        return db.advice(e).orElse(e.getMessage());
    }

    void vent(String message) {
        for (String l : message.split("\n", -1)) {
            out.vent(l);
        }
    }

    void ventLines(List<String> lines) {
        lines.forEach(out::vent);
    }

    void missingVerify(String verifyPath) {
        out.vent("Verify script " + verifyPath + " does not exist");
    }

    /** Runs a verify script as its own client run; a missing file only warns. */
    void verifyChange(String verifyPath) {
        if (!Files.exists(files.resolve(verifyPath))) {
            missingVerify(verifyPath);
            return;
        }
        ScriptResult result = db.runAlone(verifyPath, true);
        if (!result.succeeded()) {
            ventLines(result.errorLines());
            throw new SqitchException("Verify script \"" + verifyPath + "\" failed.");
        }
    }
}
