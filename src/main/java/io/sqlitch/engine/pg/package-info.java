/**
 * Sqitch's PostgreSQL engine (and its CockroachDB and YugabyteDB variants): everything that differs from other
 * databases, in one package. A newcomer adding another database fills the same roles in a package of its own.
 *
 * <ul>
 *   <li>Connections: {@link io.sqlitch.engine.pg.PgUri} (the {@code db:pg:} family of URIs),
 *       {@link io.sqlitch.engine.pg.PgConnectionSettings} (Sqitch's user/password, the URI, service files,
 *       {@code PG*} variables, {@code ~/.pgpass}, mapped to pgjdbc), {@link io.sqlitch.engine.pg.PgConnector}
 *       (libpq's failure texts), {@link io.sqlitch.engine.pg.PgDestination} (the database as messages name it).</li>
 *   <li>Scripts: {@link io.sqlitch.engine.pg.PgScriptExecutor} and its rule; the in-process
 *       {@link io.sqlitch.engine.pg.InProcessPsql} over {@link io.sqlitch.engine.pg.PsqlScriptRunner} (psql's
 *       lexer, variables, meta-commands, messages), checked first by {@link io.sqlitch.engine.pg.PsqlScriptCheck};
 *       or the real client, {@link io.sqlitch.engine.pg.PsqlClient}.</li>
 *   <li>Registry: {@link io.sqlitch.engine.pg.PgRegistry} (schema, upgrades, rows, per-change work under
 *       {@code LOCK TABLE changes}), {@link io.sqlitch.engine.pg.PgRegistryReads},
 *       {@link io.sqlitch.engine.pg.PgAdvisoryLock}.</li>
 *   <li>Transactions: {@link io.sqlitch.engine.pg.PgChangeWork} (which transaction a change's scripts and rows are
 *       in), {@link io.sqlitch.engine.pg.PgWork} (the one-transaction path's session),
 *       {@link io.sqlitch.engine.pg.PsqlTransactionShape} (which scripts may take it).</li>
 *   <li>{@link io.sqlitch.engine.pg.PgEngine}: the above behind the calls the shared algorithms make.</li>
 * </ul>
 */
package io.sqlitch.engine.pg;
