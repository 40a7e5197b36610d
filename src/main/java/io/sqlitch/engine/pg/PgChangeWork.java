package io.sqlitch.engine.pg;

import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.Identity;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Which transaction a change's scripts and rows are in. On the one-transaction path, the {@link PgWork}: script
 * body, verify and rows in one transaction of a session of its own. Otherwise as Sqitch: the registry session's
 * begin_work ({@code LOCK TABLE changes IN EXCLUSIVE MODE}) before a deploy or revert script runs in its own
 * session, held while it runs (and while a verify script runs), committed with the change's rows (finish_work),
 * or at once when the script fails. As with Sqitch, a script that writes to the registry's {@code changes} table
 * then waits for that lock for ever.
 */
final class PgChangeWork implements PgRegistryStore.Rows, AutoCloseable {

    private final Supplier<PgRegistry> registry;
    private PgWork work;
    private boolean lockHeld;

    PgChangeWork(Supplier<PgRegistry> registry) {
        this.registry = registry;
    }

    /** Opens the one-transaction path's work, with the table lock but on Yugabyte and CockroachDB. */
    void begin(PgConnectionSettings settings, String registryName, Identity user, boolean cockroach) {
        releaseHeldLock();
        work = PgWork.begin(settings, registryName, user, cockroach || registry.get().yugabyte(), cockroach);
    }

    /** The open work, or null. */
    PgWork work() {
        return work;
    }

    void finish() {
        if (work != null) {
            try {
                work.commit();
            } finally {
                close();
            }
        }
    }

    /** Abandons the open work and the held lock's transaction (nothing of the change stays). */
    void rollback() {
        close();
        if (lockHeld) {
            lockHeld = false;
            registry.get().rollbackWork();
        }
    }

    /** Sqitch's begin_work before a deploy or revert script that runs in a session of its own. */
    void beforeScript() {
        if (!lockHeld && work == null) {
            registry.get().beginWork();
            lockHeld = true;
        }
    }

    /** Sqitch's finish_work in deploy_change's finally after a failed script: the lock goes, the fail row follows. */
    void releaseHeldLock() {
        if (lockHeld) {
            lockHeld = false;
            registry.get().finishWork();
        }
    }

    @Override
    public void deploy(ChangeRecord change) {
        write(r -> r.logDeploy(change), r -> r.recordDeploy(change));
    }

    @Override
    public void fail(ChangeRecord change) {
        write(r -> r.logFail(change), r -> r.recordFail(change));
    }

    @Override
    public void revert(String changeId) {
        write(r -> r.logRevert(changeId), r -> r.recordRevert(changeId));
    }

    /**
     * A change's rows: inside the open work; else in the transaction that has held the table lock since the
     * change's script (Sqitch's log_*_change then finish_work; a failed write is rolled back, as rollback_work);
     * else in a transaction of their own, with the lock.
     */
    private void write(Consumer<PgRegistry> inside, Consumer<PgRegistry> alone) {
        if (work != null) {
            inside.accept(work.rows());
        } else if (lockHeld) {
            lockHeld = false;
            try {
                inside.accept(registry.get());
            } catch (RuntimeException e) {
                registry.get().rollbackWork();
                throw e;
            }
            registry.get().finishWork();
        } else {
            alone.accept(registry.get());
        }
    }

    /** Ends the work's session (rolling back what it did not commit); the held lock goes with the registry session. */
    @Override
    public void close() {
        if (work != null) {
            work.close();
            work = null;
        }
    }
}
