package io.sqlitch.engine.pg;

import io.sqlitch.engine.LoadedScript;
import io.sqlitch.engine.TransactionShape;

/**
 * A deploy, revert or verify script the pg engine looked at for the one-transaction path: its path (relative to
 * the working directory, as psql gets it; the runner reads it again) and how it handles transactions.
 */
record PgScript(String path, TransactionShape transactionShape) implements LoadedScript {
}
