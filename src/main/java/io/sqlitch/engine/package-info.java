/**
 * Running change scripts in-process as Sqitch's SQLite engine runs them through
 * {@code sqlite3 -noheader -bail -batch -csv DB ".read 'FILE'"}, the per-database lock, and the deploy/revert/verify
 * engine.
 *
 * <ul>
 *   <li>{@link io.sqlitch.engine.ScriptRunner}: runs a script on a sqlite-jdbc connection; rows go to a line
 *       consumer as CSV, errors come back in a {@link io.sqlitch.engine.ScriptResult} as the client's stderr
 *       lines.</li>
 *   <li>{@link io.sqlitch.engine.SqlScript}: a script cut into the shell's input units; {@code sha1Hex} of the raw
 *       file (script_hash); {@code ${name}} variables.</li>
 *   <li>{@link io.sqlitch.engine.TransactionShape}: whether a script's body may run in the caller's
 *       transaction.</li>
 *   <li>{@link io.sqlitch.engine.DatabaseLock}: one deploy at a time per database, across threads and
 *       processes, on {@code <registry>.lock} beside the registry ({@link io.sqlitch.engine.LockFiles}).</li>
 *   <li>{@link io.sqlitch.engine.RawText}, {@link io.sqlitch.engine.RawStatement}: script bytes that are not valid
 *       UTF-8 kept and sent to SQLite unchanged; {@link io.sqlitch.engine.DotCommandCheck}: unsupported
 *       dot-commands refused before a script's first statement.</li>
 *   <li>{@link io.sqlitch.engine.SqliteEngine}: Sqitch's deploy, revert and verify algorithms over one target
 *       connection (foreign keys off, as in the client) to which the registry is attached only while no script
 *       runs; a change whose script allows it commits with its registry rows in one transaction (the registry is
 *       attached inside it, after the script). Only SQLite targets ({@link io.sqlitch.engine.SupportedEngines}). Options in {@link io.sqlitch.engine.EngineOptions}, failure recovery in
 *       {@link io.sqlitch.engine.DeployMode}. Opt-in atomic deploy ({@code deploy(to, mode, true)},
 *       {@code sqlitch.atomic}): every pending change in one transaction, refused up front (naming the script)
 *       when a script has transaction statements other than one BEGIN…COMMIT around everything; on failure the
 *       rollback restores database and registry and the {@code fail} event is written afterwards.</li>
 * </ul>
 *
 * <p>Durability: the target and the ATTACHed registry stay in rollback-journal mode (DELETE) with
 * {@code synchronous=FULL}, the defaults of sqlite3 and DBD::SQLite that Sqitch uses: WAL would add -wal/-shm files
 * and persist in the database header, which every Sqitch client would then inherit. A commit touching both files
 * goes through SQLite's super-journal (several fsyncs); a bare JDBC loop with the same guarantee pays the same, so
 * the engine's own per-change cost is small beside it ({@code bench/run.sh}).
 */
package io.sqlitch.engine;
