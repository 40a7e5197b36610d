package io.sqlitch.engine;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import io.sqlitch.console.Prompter;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Dependency;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.Tag;
import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryDatabase;
import io.sqlitch.registry.RegistrySchema;
import io.sqlitch.registry.RequiringChange;
import io.sqlitch.registry.TagRecord;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sqitch's SQLite engine: deploy, revert and verify a target with Sqitch 1.3.1's algorithms, messages and
 * registry rows, so that Sqitch and this engine can take turns on one database.
 *
 * <p>Scripts see only the target database: it is opened once, with the client's defaults (foreign keys off),
 * and the registry is ATTACHed to that connection only while no script runs (detached before each script, so an
 * unqualified {@code tags} in a script never names a registry table).
 *
 * <p>Stronger than Sqitch: a change whose script has no transaction statements, or exactly one BEGIN…COMMIT around
 * everything, runs its body, then has the registry attached inside the same transaction and its registry rows
 * written ({@code BEGIN IMMEDIATE … ATTACH … COMMIT}, atomic across both files through SQLite's super-journal): a
 * crash never leaves a change applied but unrecorded, or recorded but not applied. Any other script runs as Sqitch runs it (a client
 * run of its own, then the registry rows in their own transaction). With {@code --verify}, the verify script runs
 * inside that transaction in a SAVEPOINT (a {@code BEGIN; …; ROLLBACK;} verify script is rolled back to the
 * savepoint instead of ending the outer transaction); when it fails the whole transaction is rolled back, which
 * undoes the change exactly (Sqitch runs the revert script instead).
 *
 * <p>One instance per command: one connection, the plan parsed once, the lock held from the first registry access
 * until {@link #close()}. Not thread-safe.
 */
public final class SqliteEngine implements AutoCloseable {

    /** The schema name the registry is attached under. */
    static final String REGISTRY_ALIAS = RegistryAttachment.ALIAS;

    private final RunContext run;
    private final Target target;
    private final Plan plan;
    private final Identity user;
    private final Output out;
    private final Prompter prompter;
    private EngineOptions options;
    private final ScriptFiles files;

    private Connection connection;
    private Registry registry;
    private RegistrySchema schema;
    private ScriptRunner runner;
    private ScriptRunner verifyRunner;
    private DatabaseLock lock;
    /** The registry, attached to {@link #connection} while no script runs; null until connected. */
    private RegistryAttachment attachment;
    /** Undoes what one script leaves on the connection before the next; null for the in-memory registry. */
    private ClientSession session;
    /** The target database file when this engine's connection created it (Sqitch's client would not have yet). */
    private Path createdDatabase;
    /** The registry file when this engine created it: removed again while still empty (a refusal up front). */
    private Path createdRegistry;
    /** Set when a command of ours (not Sqitch's) refused before writing: the empty registry file then goes too. */
    private boolean refusedUpFront;
    /** Whether runners replaced by {@link #useVariables} had run scripts. */
    private boolean scriptsRan;
    private ProgressLine progress;
    private int maxNameLength;
    private String startAt;

    /**
     * @param run      the process (working directory, clock)
     * @param target   the resolved target
     * @param plan     its plan, parsed once by the caller
     * @param user     the committer of every registry row
     * @param out      where Sqitch's output goes
     * @param prompter asks the revert question
     * @param options  verify/log-only/lock timeout/prompt/variables
     */
    public SqliteEngine(RunContext run, Target target, Plan plan, io.sqlitch.config.Identity user, Output out,
                        Prompter prompter, EngineOptions options) {
        SupportedEngines.require(target);
        this.run = run;
        this.target = target;
        this.plan = plan;
        this.user = new Identity(user.name(), user.email());
        this.out = out;
        this.prompter = prompter;
        this.options = options;
        this.files = new ScriptFiles(target, run.directory());
        files.requireInside(plan.changes());
        this.progress = new ProgressLine(out::info);
    }

    /** Replaces the script variables (rebase: revert variables, then deploy variables). */
    public void useVariables(Map<String, String> variables) {
        this.options = options.withVariables(variables);
        if (connection != null) {
            makeRunners();
        }
    }

    // ------------------------------------------------------------------ connection

    private Optional<Path> dbFile() {
        return target.dbFile(run.directory());
    }

    /** Opens the target with the registry attached, and locks; a no-op when open. */
    private void connect() {
        if (connection != null) {
            return;
        }
        Optional<Path> db = dbFile();
        if (db.isEmpty()) {
            // db:sqlite: — Sqitch's registry handle is then a temporary database: nothing is deployed there.
            connection = RegistryDatabase.openInMemory();
            schema = new RegistrySchema(connection, RegistryDatabase.MAIN, run.clock());
            registry = new Registry(connection, RegistryDatabase.MAIN, user, run.clock());
            makeRunners();
            return;
        }
        Path dbPath = db.get().toAbsolutePath().normalize();
        Path regPath = target.registryFile(run.directory()).orElseThrow().toAbsolutePath().normalize();
        if (!Files.isDirectory(regPath.getParent()) || !Files.isDirectory(dbPath.getParent())) {
            // DBD::SQLite's connect error, as Sqitch prints it.
            throw new SqitchException("unable to open database file");
        }
        lock = DatabaseLock.acquire(regPath, target.destination(), options.lockTimeout(), out);
        try {
            if (!Files.exists(dbPath)) {
                createdDatabase = dbPath;
            }
            if (!Files.exists(regPath)) {
                createdRegistry = regPath;
            }
            connection = RegistryDatabase.openForScripts(dbPath);
            session = new ClientSession(connection);
            String alias = RegistryDatabase.MAIN;
            attachment = new RegistryAttachment(connection, regPath.equals(dbPath) ? null : regPath);
            if (!regPath.equals(dbPath)) {
                showRegistry();
                alias = REGISTRY_ALIAS;
            }
            schema = new RegistrySchema(connection, alias, run.clock());
            registry = new Registry(connection, alias, user, run.clock());
            makeRunners();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Before a script (outside a transaction): the connection as a fresh sqlite3 client would find it (settings
     * and TEMP objects an earlier script left undone), and the registry detached, so the script sees only its
     * database.
     */
    private void prepareForScript() {
        if (session != null) {
            session.reset();
        }
        if (attachment != null) {
            attachment.hide();
        }
    }

    /** Attaches the registry again (also inside a transaction: its rows then commit with the script's work). */
    private void showRegistry() {
        if (attachment != null && connection != null) {
            attachment.show();
        }
    }

    /** Runs a script that manages its own transactions, in autocommit, with the registry hidden. */
    private ScriptResult runAlone(ScriptRunner scripts, String path) {
        prepareForScript();
        try {
            return scripts.run(path);
        } finally {
            // Its settings undone before its registry rows are written (say, a script's synchronous = OFF).
            if (session != null) {
                session.reset();
            }
            showRegistry();
        }
    }

    /**
     * Runs a command, turning a failure of the SQLite library (disk full, locked, read-only, damaged) into a
     * message naming the files and what to do; Sqitch's own errors pass unchanged.
     */
    private void explained(Runnable command) {
        try {
            command.run();
        } catch (SqitchException e) {
            Optional<String> advice = io.sqlitch.registry.SqliteFailure.advice(e, files());
            if (advice.isPresent() && !(e instanceof QuietFailure)) {
                throw new SqitchException(advice.get(), e);
            }
            throw e;
        } catch (RuntimeException e) {
            Optional<String> advice = io.sqlitch.registry.SqliteFailure.advice(e, files());
            if (advice.isPresent()) {
                throw new SqitchException(advice.get(), e);
            }
            throw e;
        }
    }

    /** A failure's message, or the advice for a failure of the SQLite library. */
    private String explain(SqitchException e) {
        return io.sqlitch.registry.SqliteFailure.advice(e, files()).orElse(e.getMessage());
    }

    /** The files a failure may concern, for messages: the database, and the registry when it is another file. */
    private String files() {
        Optional<Path> db = dbFile();
        Optional<Path> reg = target.registryFile(run.directory());
        if (db.isEmpty()) {
            return "the in-memory registry";
        }
        return reg.isEmpty() || reg.get().normalize().equals(db.get().normalize()) ? db.get().toString()
                : db.get() + " (or its registry " + reg.get() + ")";
    }

    private void makeRunners() {
        scriptsRan |= scriptsRan();
        runner = new ScriptRunner(connection, run.directory(), options.variables(), line -> progress.line(line));
        // Sqitch captures and drops a verify script's stdout unless -vv.
        verifyRunner = new ScriptRunner(connection, run.directory(), options.variables(),
                options.verbosity() > 1 ? line -> progress.line(line) : line -> { });
    }

    private boolean scriptsRan() {
        return scriptsRan || (runner != null && runner.hasRun()) || (verifyRunner != null && verifyRunner.hasRun());
    }

    @Override
    public void close() {
        boolean untouched = createdDatabase != null && connection != null && !scriptsRan()
                && UntouchedDatabase.holdsNothing(connection);
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing a read-only or already failed handle: nothing to keep
        } finally {
            connection = null;
            attachment = null;
            session = null;
            removeUntouchedDatabase(untouched);
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }

    /**
     * Opening the target creates its file; Sqitch only creates it when a script runs. A file we created that is
     * still empty (nothing was written), or that no script ran against and holds nothing ({@code --log-only}, a
     * deploy refused before its first script: only our registry transactions touched its header), is removed so
     * that both tools leave the same files; so is an empty registry file we created when the atomic deploy refused
     * up front (it creates nothing).
     */
    private void removeUntouchedDatabase(boolean noScriptRan) {
        removeIfEmpty(createdDatabase, noScriptRan);
        if (refusedUpFront) {
            // Sqitch's own refusals (say, revert with nothing deployed) leave its empty registry file: so do we.
            removeIfEmpty(createdRegistry, false);
        }
        createdDatabase = null;
        createdRegistry = null;
    }

    private static void removeIfEmpty(Path created, boolean untouched) {
        if (created != null) {
            try {
                if (untouched || Files.size(created) == 0) {
                    Files.delete(created);
                }
            } catch (java.io.IOException ignored) {
                // leave it: an empty SQLite file is a valid empty database
            }
        }
    }

    // ------------------------------------------------------------------ deploy

    /**
     * Sqitch's {@code deploy}: deploys the plan up to {@code toChange} (null: to the end) with {@code mode}'s
     * recovery on failure.
     */
    public void deploy(String toChange, DeployMode mode) {
        deploy(toChange, mode, false);
    }

    /**
     * Like {@link #deploy(String, DeployMode)}; with {@code atomic}, every pending change is deployed in ONE
     * transaction (our all-or-nothing option, not in Sqitch): {@code mode} is then irrelevant, since a failure
     * rolls the whole run back and nothing needs reverting. Refused up front, before anything is written, when a
     * deploy script (or, with {@code --verify}, a verify script) manages its own transactions beyond one
     * BEGIN…COMMIT around everything (or BEGIN…ROLLBACK for verify): such a script cannot run inside ours.
     */
    public void deploy(String toChange, DeployMode mode, boolean atomic) {
        explained(() -> deployTo(toChange, mode, atomic));
    }

    private void deployTo(String toChange, DeployMode mode, boolean atomic) {
        connect();
        int position = syncPlan();
        int toIndex = plan.count() - 1;
        if (toIndex < 0) {
            throw new SqitchException("Nothing to deploy (empty plan)");
        }
        if (toChange != null) {
            OptionalInt idx = plan.indexOf(toChange);
            if (idx.isEmpty()) {
                throw new SqitchException("Unknown change: \"" + toChange + "\"");
            }
            toIndex = idx.getAsInt();
            if (toIndex == position) {
                out.info("Nothing to deploy (already at \"" + toChange + "\")");
                return;
            }
        }
        if (position == toIndex) {
            out.info("Nothing to deploy (up-to-date)");
            return;
        }
        // Refused before the registry is touched.
        if (toIndex > position) {
            try {
                DeployScripts.requireAll(plan.changes().subList(position + 1, toIndex + 1), files, run.directory());
            } catch (SqitchException e) {
                refusedUpFront = true;
                throw e;
            }
        }
        Map<String, Scripts> atomicScripts;
        try {
            atomicScripts = atomic && toIndex > position
                    ? loadAtomicScripts(plan.changes().subList(position + 1, toIndex + 1)) : null;
        } catch (SqitchException e) {
            refusedUpFront = true;
            throw e;
        }
        if (position == -1) {
            if (schema.isInitialized()) {
                schema.upgrade(user, out::info);
                registry.registerProject(plan.project(), plan.uri());
            } else {
                out.info("Adding registry tables to " + target.registryDestination());
                if (dbFile().isEmpty()) {
                    throw new SqitchException("Database name missing in URI " + target.uri().withoutPassword());
                }
                // Tables, release row and project row in one transaction: Sqitch commits the tables first, and a
                // crash right after leaves a registry of "version 0" that no later run can upgrade.
                begin();
                boolean done = false;
                try {
                    schema.initialize(user, target.registryUri().dbName().orElse(""));
                    registry.registerProject(plan.project(), plan.uri());
                    commit();
                    done = true;
                } finally {
                    if (!done) {
                        rollbackQuietly();
                    }
                }
            }
        } else {
            if (toIndex < position) {
                throw new SqitchException("Cannot deploy to an earlier change; use \"revert\" instead");
            }
            schema.upgrade(user, out::info);
        }
        out.info(toChange != null
                ? "Deploying changes through " + plan.changeAt(toIndex).formatNameWithTags() + " to "
                        + target.destination()
                : "Deploying changes to " + target.destination());
        List<Change> batch = plan.changes().subList(position + 1, toIndex + 1);
        Map<String, String> resolved = checkDeployDependencies(batch);
        maxNameLength = batch.stream().mapToInt(c -> ProgressLine.length(c.formatNameWithTags())).max().orElse(0);
        if (atomicScripts != null) {
            deployAllOrNothing(batch, resolved, atomicScripts);
            return;
        }
        switch (mode) {
            case CHANGE -> {
                for (Change change : batch) {
                    deployChange(change, resolved);
                }
            }
            case ALL, TAG -> deployWithRollback(batch, resolved, mode == DeployMode.TAG);
            default -> throw new IllegalStateException(mode.toString());
        }
    }

    /** A change's parsed deploy script (empty with {@code --log-only} or when missing) and verify script. */
    private record Scripts(Optional<SqlScript> deploy, Optional<SqlScript> verify) {
    }

    /**
     * Parses every pending change's scripts for the atomic deploy and refuses, naming the script, when one cannot
     * run inside the run's transaction. A missing deploy script is not refused here: it fails when reached, as
     * in a normal deploy.
     */
    private Map<String, Scripts> loadAtomicScripts(List<Change> batch) {
        Map<String, Scripts> scripts = new HashMap<>();
        for (Change change : batch) {
            Optional<SqlScript> script = options.logOnly() ? Optional.empty() : runner.load(files.deploy(change));
            if (script.isPresent() && script.get().transactionShape() == TransactionShape.OTHER) {
                throw new SqitchException("Cannot deploy atomically: deploy script " + files.deploy(change)
                        + " manages its own transactions; deploy without the atomic option");
            }
            Optional<SqlScript> verify = options.withVerify() && !options.logOnly()
                    ? verifyRunner.load(files.verify(change)) : Optional.empty();
            if (verify.isPresent() && !ScriptRunner.canRunInside(verify.get())) {
                throw new SqitchException("Cannot deploy atomically: verify script " + files.verify(change)
                        + " manages its own transactions; deploy without the atomic option");
            }
            scripts.put(change.id(), new Scripts(script, verify));
        }
        return scripts;
    }

    /**
     * The atomic deploy: one transaction for every change's script body, verify (in a savepoint) and registry
     * rows. On failure the transaction is rolled back, so the database and registry are as before the run, and
     * then the failing change's {@code fail} event is written in a transaction of its own.
     */
    private void deployAllOrNothing(List<Change> batch, Map<String, String> resolved, Map<String, Scripts> scripts) {
        prepareForScript();
        begin();
        ChangeRecord current = null;
        List<ChangeRecord> records = new ArrayList<>();
        boolean done = false;
        try {
            for (Change change : batch) {
                progress.start("  + ", change.formatNameWithTags(), maxNameLength);
                String deployPath = files.deploy(change);
                current = record(change, deployPath, resolved);
                Scripts s = scripts.get(change.id());
                if (!options.logOnly()) {
                    if (s.deploy().isEmpty()) {
                        failAtomic(List.of("Error: cannot open \"" + deployPath + "\""), clientFailed().getMessage());
                    }
                    ScriptResult result = runner.runBody(s.deploy().get());
                    if (!result.succeeded()) {
                        failAtomic(result.errorLines(), clientFailed().getMessage());
                    }
                }
                if (options.withVerify() && !options.logOnly()) {
                    if (s.verify().isEmpty()) {
                        missingVerify(files.verify(change));
                    } else {
                        ScriptResult result = verifyInSavepoint(s.verify().get());
                        if (!result.succeeded()) {
                            failAtomic(result.errorLines(), "Verify script \"" + files.verify(change) + "\" failed.");
                        }
                    }
                }
                records.add(current);
                progress.finish("ok");
            }
            // No script runs after this: the registry joins the transaction and every change's rows follow.
            for (ChangeRecord r : records) {
                current = r;
                try {
                    showRegistry();
                    registry.recordDeploy(r);
                } catch (SqitchException e) {
                    throw new AtomicFailure(List.of(e.getMessage().split("\n", -1)), true);
                }
            }
            try {
                commit();
            } catch (SqitchException e) {
                throw new AtomicFailure(List.of(e.getMessage().split("\n", -1)), true);
            }
            done = true;
        } catch (AtomicFailure e) {
            rollbackQuietly();
            showRegistry();
            if (current != null) {
                registry.recordFail(current);
            }
            if (e.ok) {
                // The commit failed after every change printed "ok".
                e.lines.forEach(out::vent);
            } else {
                progress.finish("not ok");
                e.lines.forEach(out::vent);
            }
            out.vent("Rolled back all changes of this deploy");
            throw new SqitchException("Deploy failed");
        } finally {
            if (!done) {
                rollbackQuietly();
            }
        }
    }

    /** Stops the atomic deploy: these stderr lines (client errors, then the message) follow the rollback. */
    private void failAtomic(List<String> errorLines, String message) {
        List<String> lines = new ArrayList<>(errorLines);
        lines.addAll(List.of(message.split("\n", -1)));
        throw new AtomicFailure(lines, false);
    }

    private static final class AtomicFailure extends RuntimeException {
        private final List<String> lines;
        private final boolean ok;

        AtomicFailure(List<String> lines, boolean ok) {
            super(null, null, false, false);
            this.lines = lines;
            this.ok = ok;
        }
    }

    /** Sqitch's {@code _deploy_all} / {@code _deploy_by_tag}. */
    private void deployWithRollback(List<Change> batch, Map<String, String> resolved, boolean byTag) {
        List<Change> deployed = new ArrayList<>();
        Change lastTagged = null;
        try {
            for (Change change : batch) {
                deployChange(change, resolved);
                deployed.add(change);
                if (byTag && !change.tags().isEmpty()) {
                    deployed.clear();
                    lastTagged = change;
                }
            }
        } catch (SqitchException e) {
            if (!(e instanceof QuietFailure)) {
                vent(explain(e));
            }
            rollback(lastTagged, deployed);
        }
    }

    /** Sqitch's {@code _rollback}: reverts this run's changes, newest first, then fails. */
    private void rollback(Change lastTagged, List<Change> deployed) {
        if (!deployed.isEmpty()) {
            String to = lastTagged != null ? lastTagged.formatNameWithTags() : startAt;
            out.vent(to != null ? "Reverting to " + to : "Reverting all changes");
            try {
                for (int i = deployed.size() - 1; i >= 0; i--) {
                    Change change = deployed.get(i);
                    revertChange(change.id(), change.formatNameWithTags(), files.revert(change));
                }
            } catch (SqitchException e) {
                vent(explain(e));
                out.vent("The schema will need to be manually repaired");
            }
        }
        throw new SqitchException("Deploy failed");
    }

    /**
     * Sqitch's {@code _sync_plan}: the plan index of the latest deployed change (-1 when none), logging that
     * change's plan tags the registry lacks, and remembering {@code start_at}.
     */
    private int syncPlan() {
        Optional<DeployedChange> state = registry.currentState(plan.project());
        if (state.isEmpty()) {
            startAt = null;
            return -1;
        }
        DeployedChange current = state.get();
        OptionalInt idx = plan.indexOf(current.id());
        if (idx.isEmpty()) {
            List<String> parts = new ArrayList<>();
            parts.add(current.name());
            parts.addAll(current.tags());
            throw new SqitchException("Cannot find change " + current.id() + " (" + String.join(" ", parts)
                    + ") in " + plan.file());
        }
        if (current.scriptHash() != null && current.scriptHash().equals(current.id())) {
            // Registries written before Sqitch 0.998 stored the change id as script hash.
            Map<String, String> hashes = new LinkedHashMap<>();
            for (Change c : plan.changes()) {
                hashes.put(c.id(), SqlScript.sha1Hex(files.resolve(files.deploy(c))));
            }
            registry.updateScriptHashes(plan.project(), hashes);
        }
        Change change = plan.changeAt(idx.getAsInt());
        if (!change.tags().isEmpty()) {
            registry.logNewTags(change.id(), plan.project(), tagRecords(change));
            startAt = change.name() + change.tags().get(change.tags().size() - 1).formatName();
        } else {
            startAt = change.name();
        }
        return idx.getAsInt();
    }

    /**
     * Sqitch's {@code check_deploy_dependencies}: conflicts deployed or earlier in the batch, requires neither,
     * then changes of the batch already deployed. Returns each require's resolved change id, by
     * {@code changeId + "\0" + as_string}.
     */
    private Map<String, String> checkDeployDependencies(List<Change> batch) {
        Map<String, Change> seen = new HashMap<>();
        Map<String, String> resolved = new HashMap<>();
        Set<String> conflicts = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Change change : batch) {
            for (Dependency dep : change.conflicts()) {
                if (lookup(dep, seen).isPresent()) {
                    conflicts.add(dep.asString());
                }
            }
            for (Dependency dep : change.requires()) {
                Optional<String> id = lookup(dep, seen);
                if (id.isPresent()) {
                    resolved.put(change.id() + "\0" + dep.asString(), id.get());
                } else {
                    missing.add(dep.asString());
                }
            }
            seen.put(change.id(), change);
        }
        if (!conflicts.isEmpty() || !missing.isEmpty()) {
            List<String> msg = new ArrayList<>();
            if (!conflicts.isEmpty()) {
                msg.add((conflicts.size() == 1 ? "Conflicts with previously deployed change: "
                        : "Conflicts with previously deployed changes: ") + String.join(" ", conflicts));
            }
            if (!missing.isEmpty()) {
                msg.add((missing.size() == 1 ? "Missing required change: " : "Missing required changes: ")
                        + String.join(" ", missing));
            }
            throw new SqitchException(String.join("\n", msg));
        }
        List<String> already = registry.areDeployedChanges(batch.stream().map(Change::id).toList());
        if (!already.isEmpty()) {
            String list = already.stream().map(id -> seen.get(id).formatNameWithTags() + " (" + id + ")")
                    .collect(Collectors.joining(", "));
            throw new SqitchException(already.size() == 1 ? "Change \"" + list + "\" has already been deployed"
                    : "Changes have already been deployed: " + list);
        }
        return resolved;
    }

    /** A dependency's change: earlier in this batch (by plan id), else in the registry (earliest instance). */
    private Optional<String> lookup(Dependency dep, Map<String, Change> seen) {
        Optional<String> planId = plan.dependencyId(dep);
        if (planId.isPresent() && seen.containsKey(planId.get())) {
            return planId;
        }
        String id = planId.orElse(dep.id());
        return registry.changeIdForDepend(id, dep.change(), dep.tag(), plan.dependencyProject(dep));
    }

    /** Sqitch's {@code deploy_change}. */
    private void deployChange(Change change, Map<String, String> resolved) {
        String name = change.formatNameWithTags();
        progress.start("  + ", name, maxNameLength);
        String deployPath = files.deploy(change);
        ChangeRecord record = record(change, deployPath, resolved);
        Optional<SqlScript> script = options.logOnly() ? Optional.empty() : runner.load(deployPath);
        Optional<SqlScript> verify = options.withVerify() ? verifyRunner.load(files.verify(change)) : Optional.empty();
        boolean atomic = (options.logOnly() || script.isPresent() && ScriptRunner.canRunInside(script.get())
                && script.get().transactionShape() != TransactionShape.OTHER)
                && (verify.isEmpty() || ScriptRunner.canRunInside(verify.get()));
        try {
            if (atomic) {
                deployAtomically(change, record, script, verify);
            } else {
                deployLikeSqitch(change, record, deployPath);
            }
        } catch (SqitchException e) {
            registry.recordFail(record);
            progress.finish("not ok");
            throw e;
        }
        progress.finish("ok");
    }

    /** Script body, verify (in a savepoint) and registry rows in one transaction. */
    private void deployAtomically(Change change, ChangeRecord record, Optional<SqlScript> script,
                                  Optional<SqlScript> verify) {
        prepareForScript();
        begin();
        boolean done = false;
        try {
            if (script.isPresent()) {
                ScriptResult result = runner.runBody(script.get());
                if (!result.succeeded()) {
                    rollbackQuietly();
                    ventLines(result.errorLines());
                    throw clientFailed();
                }
            }
            if (options.withVerify()) {
                if (verify.isEmpty()) {
                    missingVerify(files.verify(change));
                } else {
                    ScriptResult result = verifyInSavepoint(verify.get());
                    if (!result.succeeded()) {
                        // The rollback undoes the change: Sqitch's revert script after a failed verify.
                        rollbackQuietly();
                        ventLines(result.errorLines());
                        out.vent("Verify script \"" + files.verify(change) + "\" failed.");
                        throw new QuietFailure("Deploy failed");
                    }
                }
            }
            try {
                showRegistry();
                registry.recordDeploy(record);
                commit();
            } catch (SqitchException e) {
                // As Sqitch after a logging failure: print it, undo the change (here: the rollback), fail quietly.
                rollbackQuietly();
                vent(explain(e));
                throw new QuietFailure("Deploy failed");
            }
            done = true;
        } finally {
            if (!done) {
                rollbackQuietly();
            }
        }
    }

    private ScriptResult verifyInSavepoint(SqlScript verify) {
        execute("SAVEPOINT sqitch_verify");
        ScriptResult result = verifyRunner.runInside(verify);
        if (result.succeeded()) {
            if (ScriptRunner.discardsItsWork(verify)) {
                execute("ROLLBACK TO sqitch_verify");
            }
            execute("RELEASE sqitch_verify");
        }
        return result;
    }

    /** Sqitch's way for a script that manages its own transactions: script, verify, then the registry rows. */
    private void deployLikeSqitch(Change change, ChangeRecord record, String deployPath) {
        if (!options.logOnly()) {
            ScriptResult result = runAlone(runner, deployPath);
            if (!result.succeeded()) {
                ventLines(result.errorLines());
                throw clientFailed();
            }
        }
        try {
            if (options.withVerify()) {
                verifyChange(files.verify(change), true);
            }
            registry.recordDeploy(record);
        } catch (SqitchException e) {
            vent(explain(e));
            // Sqitch runs the revert script silently, printing only its errors.
            if (!options.logOnly()) {
                ScriptResult undo = runAlone(runner, files.revert(change));
                if (!undo.succeeded()) {
                    ventLines(undo.errorLines());
                    vent(clientFailed().getMessage());
                }
            }
            throw new QuietFailure("Deploy failed");
        }
    }

    /** Runs a verify script as its own client run; a missing file only warns. */
    private void verifyChange(String verifyPath, boolean fromDeploy) {
        if (!Files.exists(files.resolve(verifyPath))) {
            missingVerify(verifyPath);
            return;
        }
        ScriptResult result = runAlone(verifyRunner, verifyPath);
        if (!result.succeeded()) {
            ventLines(result.errorLines());
            throw new SqitchException("Verify script \"" + verifyPath + "\" failed.");
        }
    }

    private void missingVerify(String verifyPath) {
        out.vent("Verify script " + verifyPath + " does not exist");
    }

    private ChangeRecord record(Change change, String deployPath, Map<String, String> resolved) {
        List<io.sqlitch.registry.Dependency> requires = new ArrayList<>();
        for (Dependency dep : change.requires()) {
            requires.add(io.sqlitch.registry.Dependency.requires(dep.asString(),
                    resolved.get(change.id() + "\0" + dep.asString())));
        }
        List<io.sqlitch.registry.Dependency> conflicts = new ArrayList<>();
        for (Dependency dep : change.conflicts()) {
            conflicts.add(io.sqlitch.registry.Dependency.conflicts(dep.asString()));
        }
        return new ChangeRecord(change.id(), SqlScript.sha1Hex(files.resolve(deployPath)), change.name(),
                plan.project(), change.note(), change.timestamp(),
                new Identity(change.planner().name(), change.planner().email()), requires, conflicts,
                tagRecords(change));
    }

    private static List<TagRecord> tagRecords(Change change) {
        List<TagRecord> tags = new ArrayList<>();
        for (Tag tag : change.tags()) {
            tags.add(new TagRecord(tag.id(), tag.name(), tag.note(), tag.timestamp(),
                    new Identity(tag.planner().name(), tag.planner().email())));
        }
        return tags;
    }

    // ------------------------------------------------------------------ revert

    /**
     * Sqitch's {@code planned_deployed_common_ancestor_id} ({@code revert/rebase --modified}): walking the deployed
     * changes and the plan side by side, the ID of the last deployed change before the first one whose recorded
     * script_hash differs from its planned deploy script's (or that is past the plan's end); the newest deployed
     * change when none differs; null when the very first differs (revert everything).
     */
    public String plannedDeployedCommonAncestorId() {
        connect();
        if (!schema.isInitialized()) {
            // Sqitch queries the registry without checking it first: DBD::SQLite's error.
            throw new SqitchException("no such table: changes");
        }
        List<DeployedChange> deployed = registry.deployedChanges(plan.project());
        for (int i = 0; i < deployed.size(); i++) {
            String planned = i < plan.count() ? SqlScript.sha1Hex(files.resolve(files.deploy(plan.changeAt(i))))
                    : null;
            // Perl's "ne" compares a missing hash (undef) as the empty string.
            if (i >= plan.count() || !Objects.toString(deployed.get(i).scriptHash(), "")
                    .equals(Objects.toString(planned, ""))) {
                return i == 0 ? null : deployed.get(i - 1).id();
            }
        }
        if (deployed.isEmpty()) {
            // Sqitch 1.3.1 dies asking the ID of a change that is not there (nothing deployed); its message line alone.
            throw new SqitchException("Can't call method \"id\" on an undefined value\n");
        }
        return deployed.get(deployed.size() - 1).id();
    }

    /** Sqitch's {@code revert}: reverts to {@code toChange} (kept), or everything when null. */
    public void revert(String toChange) {
        explained(() -> revertTo(toChange));
    }

    private void revertTo(String toChange) {
        connect();
        checkRegistry();
        List<DeployedChange> changes;
        if (toChange != null) {
            Optional<DeployedChange> to = registry.changeIdForKey(toChange, plan.project(), reporter())
                    .flatMap(registry::loadChange);
            if (to.isEmpty()) {
                if (plan.find(toChange).isPresent()) {
                    throw new SqitchException("Change not deployed: \"" + toChange + "\"");
                }
                throw new SqitchException("Unknown change: \"" + toChange + "\"");
            }
            changes = registry.deployedChangesSince(plan.project(), to.get().id());
            if (changes.isEmpty()) {
                out.info("No changes deployed since: \"" + toChange + "\"");
                return;
            }
            String name = to.get().nameWithTags();
            if (options.noPrompt()) {
                out.info("Reverting changes to " + name + " from " + target.destination());
            } else if (!prompter.confirm("Revert changes to " + name + " from " + target.destination() + "?",
                    options.promptAccept())) {
                throw new RevertDeclined(true);
            }
        } else {
            changes = registry.deployedChanges(plan.project());
            if (changes.isEmpty()) {
                out.info("Nothing to revert (nothing deployed)");
                return;
            }
            if (options.noPrompt()) {
                out.info("Reverting all changes from " + target.destination());
            } else if (!prompter.confirm("Revert all changes from " + target.destination() + "?",
                    options.promptAccept())) {
                throw new RevertDeclined(false);
            }
        }
        List<DeployedChange> newestFirst = new ArrayList<>(changes);
        Collections.reverse(newestFirst);
        checkRevertDependencies(newestFirst);
        maxNameLength = newestFirst.stream().mapToInt(c -> ProgressLine.length(c.nameWithTags())).max().orElse(0);
        for (DeployedChange change : newestFirst) {
            revertChange(change.id(), change.nameWithTags(), revertPath(change));
        }
    }

    /** The soft "Nothing reverted" after a declined prompt; {@code withTarget}: Sqitch's revert:confirm ident. */
    public static final class RevertDeclined extends SqitchException {
        private final boolean withTarget;

        RevertDeclined(boolean withTarget) {
            super("Nothing reverted", 1);
            this.withTarget = withTarget;
        }

        /** True when the question named a change ({@code --to}); rebase then stops. */
        public boolean withTarget() {
            return withTarget;
        }
    }

    private void checkRevertDependencies(List<DeployedChange> newestFirst) {
        Set<String> seen = new java.util.HashSet<>();
        List<String> msg = new ArrayList<>();
        for (DeployedChange change : newestFirst) {
            seen.add(change.id());
            List<RequiringChange> requiring = registry.changesRequiringChange(change.id()).stream()
                    .filter(r -> !seen.contains(r.changeId())).toList();
            if (requiring.isEmpty()) {
                continue;
            }
            String list = requiring.stream().map(r -> (r.project().equals(plan.project()) ? "" : r.project() + ":")
                    + r.change() + (r.asofTag() == null ? "" : r.asofTag())).collect(Collectors.joining(" "));
            msg.add("Change \"" + change.nameWithTags() + "\" required by currently deployed change"
                    + (requiring.size() == 1 ? ": " : "s: ") + list);
        }
        if (!msg.isEmpty()) {
            throw new SqitchException(String.join("\n", msg));
        }
    }

    /** The revert script of a deployed change: the plan's instance with that id, else {@code revert/name.ext}. */
    private String revertPath(DeployedChange change) {
        return plan.find(change.id()).map(files::revert).orElseGet(() -> files.inside(target.revertDir(),
                join(target.revertDir(), change.name() + "." + target.extension()), change.name(), "the registry"));
    }

    private String verifyPath(DeployedChange change) {
        return plan.find(change.id()).map(files::verify).orElseGet(() -> files.inside(target.verifyDir(),
                join(target.verifyDir(), change.name() + "." + target.extension()), change.name(), "the registry"));
    }

    private static String join(String dir, String file) {
        return dir.isEmpty() || dir.equals(".") ? file : dir + "/" + file;
    }

    /** Sqitch's {@code revert_change}. */
    private void revertChange(String changeId, String name, String revertPath) {
        progress.start("  - ", name, maxNameLength);
        Optional<SqlScript> script = options.logOnly() ? Optional.empty() : runner.load(revertPath);
        boolean atomic = options.logOnly()
                || script.isPresent() && script.get().transactionShape() != TransactionShape.OTHER;
        try {
            if (atomic) {
                prepareForScript();
                begin();
                boolean done = false;
                try {
                    if (script.isPresent()) {
                        ScriptResult result = runner.runBody(script.get());
                        if (!result.succeeded()) {
                            rollbackQuietly();
                            ventLines(result.errorLines());
                            throw clientFailed();
                        }
                    }
                    showRegistry();
                    registry.recordRevert(changeId);
                    commit();
                    done = true;
                } finally {
                    if (!done) {
                        rollbackQuietly();
                    }
                }
            } else {
                ScriptResult result = runAlone(runner, revertPath);
                if (!result.succeeded()) {
                    ventLines(result.errorLines());
                    throw clientFailed();
                }
                registry.recordRevert(changeId);
            }
        } catch (SqitchException e) {
            progress.finish("not ok");
            throw e;
        }
        progress.finish("ok");
    }

    // ------------------------------------------------------------------ verify

    /** Sqitch's {@code verify} from {@code from} to {@code to} (either may be null). */
    public void verify(String from, String to) {
        explained(() -> verifyRange(from, to));
    }

    private void verifyRange(String from, String to) {
        connect();
        checkRegistry();
        List<DeployedChange> changes = new ArrayList<>(registry.deployedChanges(plan.project()));
        out.info("Verifying " + target.destination());
        if (changes.isEmpty()) {
            out.info(plan.count() > 0 ? "No changes deployed"
                    : "Nothing to verify (no planned or deployed changes)");
            return;
        }
        if (plan.count() == 0) {
            throw new SqitchException("There are deployed changes, but none planned!");
        }
        int fromIdx = from == null ? 0 : trimTo(from, changes, false);
        int toIdx;
        if (to != null) {
            toIdx = trimTo(to, changes, true);
        } else {
            toIdx = registry.latestChangeId(plan.project(), 0).flatMap(id -> box(plan.indexOf(id)))
                    .orElse(plan.count() - 1);
        }
        int errors = verifyChanges(fromIdx, toIdx, to == null, changes);
        if (errors > 0) {
            int numChanges = Math.max(1 + toIdx - fromIdx, changes.size());
            String title = "Verify Summary Report";
            out.emit("");
            out.emit(title);
            out.emit("-".repeat(title.length()));
            out.emit("Changes: " + numChanges);
            out.emit("Errors:  " + errors);
            throw new SqitchException("Verify failed");
        }
        out.emit("Verify successful");
    }

    private static Optional<Integer> box(OptionalInt i) {
        return i.isPresent() ? Optional.of(i.getAsInt()) : Optional.empty();
    }

    private int trimTo(String key, List<DeployedChange> changes, boolean pop) {
        String id = registry.changeIdForKey(key, plan.project(), reporter()).orElseThrow(() -> new SqitchException(
                plan.contains(key) ? "Change \"" + key + "\" has not been deployed"
                        : "Cannot find \"" + key + "\" in the database or the plan"));
        int idx = plan.indexOf(id).orElseThrow(() -> new SqitchException(
                "Change \"" + key + "\" is deployed, but not planned"));
        if (pop) {
            while (!changes.isEmpty() && !changes.get(changes.size() - 1).id().equals(id)) {
                changes.remove(changes.size() - 1);
            }
        } else {
            while (!changes.isEmpty() && !changes.get(0).id().equals(id)) {
                changes.remove(0);
            }
        }
        return idx;
    }

    private int verifyChanges(int fromIdx, int toIdx, boolean pending, List<DeployedChange> changes) {
        ProgressLine saved = progress;
        progress = new ProgressLine(out::emit); // verify's lines are always printed; -vv script output continues them
        try {
            return verifyEach(progress, fromIdx, toIdx, pending, changes);
        } finally {
            progress = saved;
        }
    }

    private int verifyEach(ProgressLine line, int fromIdx, int toIdx, boolean pending, List<DeployedChange> changes) {
        int max = 0;
        for (DeployedChange c : changes) {
            max = Math.max(max, ProgressLine.length(c.nameWithTags()));
        }
        for (int i = fromIdx; i <= toIdx; i++) {
            max = Math.max(max, ProgressLine.length(plan.changeAt(i).formatNameWithTags()));
        }
        int errorCount = 0;
        Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            DeployedChange change = changes.get(i);
            int errs = 0;
            boolean reworked = false;
            line.start("  * ", change.nameWithTags(), max);
            OptionalInt planIndex = plan.indexOf(change.id());
            if (planIndex.isPresent()) {
                seen.add(planIndex.getAsInt());
                if (planIndex.getAsInt() != fromIdx + i) {
                    line.line("# Out of order");
                    errs++;
                }
                reworked = plan.changeAt(planIndex.getAsInt()).isReworked();
            } else {
                line.line("# Not present in the plan");
                errs++;
            }
            if (!reworked) {
                try {
                    verifyChange(verifyPath(change), false);
                } catch (SqitchException e) {
                    line.line("# " + e.getMessage());
                    errs++;
                }
            }
            line.finish(errs > 0 ? "not ok" : "ok");
            errorCount += errs;
        }
        for (int idx = fromIdx; idx <= toIdx; idx++) {
            if (seen.contains(idx)) {
                continue;
            }
            line.start("  * ", plan.changeAt(idx).formatNameWithTags(), max);
            line.line("not ok # Not deployed");
            errorCount++;
        }
        if (pending && toIdx < plan.count() - 1) {
            int n = plan.count() - 1 - toIdx;
            out.emit(n == 1 ? "Undeployed change:" : "Undeployed changes:");
            for (int idx = toIdx + 1; idx < plan.count(); idx++) {
                out.emit("  * " + plan.changeAt(idx).formatNameWithTags());
            }
        }
        return errorCount;
    }

    // ------------------------------------------------------------------ helpers

    /** Sqitch's {@code _check_registry}; a target without a database name has an empty temporary registry. */
    private void checkRegistry() {
        schema.check(target.registryDestination());
    }

    private Registry.LookupReporter reporter() {
        return new Registry.LookupReporter(out::vent,
                id -> plan.find(id).map(Change::formatTagQualifiedName));
    }

    /** The error Sqitch prints when the client fails: a Perl die text, so it ends with a newline. */
    private SqitchException clientFailed() {
        return new SqitchException("\"" + target.client() + "\" unexpectedly returned exit value 1\n");
    }

    private void vent(String message) {
        for (String l : message.split("\n", -1)) {
            out.vent(l);
        }
    }

    private void ventLines(List<String> lines) {
        lines.forEach(out::vent);
    }

    private void begin() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    private void commit() {
        try {
            // Back to autocommit commits the transaction; commit() first would open (and then commit) another.
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    /** Rolls back any open transaction and attaches the registry again (what follows writes fail events). */
    private void rollbackQuietly() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the transaction is gone either way
        }
        showRegistry();
    }

    private void execute(String sql) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.execute();
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    /** A failure whose message Sqitch does not print where it is caught ({@code hurl private}). */
    static final class QuietFailure extends SqitchException {
        QuietFailure(String message) {
            super(message);
        }
    }
}
