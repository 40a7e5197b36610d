/**
 * The SQLite database engine ({@link io.sqlitch.engine.sqlite.SqliteDatabase}): the target file opened once with
 * sqlite3's defaults, the registry file attached only while no script runs, the client session reset between
 * scripts, the lock file, and the one-transaction path that commits a change's script and its registry rows
 * together (across both files through SQLite's super-journal).
 */
package io.sqlitch.engine.sqlite;
