/**
 * Running change scripts in-process as Sqitch's SQLite engine runs them through
 * {@code sqlite3 -noheader -bail -batch -csv DB ".read 'FILE'"}, and the per-database lock.
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
 *       processes.</li>
 * </ul>
 */
package io.sqlitch.engine;
