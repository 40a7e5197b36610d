package io.sqlitch.engine;

/**
 * A script a database engine parsed for the one-transaction path ({@link DatabaseEngine#load}): each engine reads
 * its own client's language (the sqlite3 shell's units, psql's statements and meta-commands), and the shared
 * algorithms only ask how it handles transactions, then hand it back to the engine that loaded it.
 */
public interface LoadedScript {

    /** How the script handles transactions: {@link TransactionShape#OTHER} means it must run as Sqitch runs it. */
    TransactionShape transactionShape();
}
