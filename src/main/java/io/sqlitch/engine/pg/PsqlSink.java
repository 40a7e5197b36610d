package io.sqlitch.engine.pg;

/** Where a script's output goes: psql's stdout (rows, {@code \echo}) as raw text, and its stderr line by line. */
public interface PsqlSink {

    /** Text for stdout, newlines included (Sqitch prints it in the middle of its {@code  + change ..} line). */
    void out(String text);

    /** One stderr line without its newline ({@code psql:deploy/a.sql:3: ERROR:  ...}). */
    void err(String line);
}
