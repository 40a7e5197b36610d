package io.sqlitch.engine.pg;

import static io.sqlitch.engine.TransactionShape.NONE;
import static io.sqlitch.engine.TransactionShape.OTHER;
import static io.sqlitch.engine.TransactionShape.WRAPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.engine.TransactionShape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which psql scripts may run inside the engine's transaction (the one-transaction path), and which may not. */
class PsqlTransactionShapeTest {

    private static TransactionShape deploy(String text) {
        return PsqlTransactionShape.of(text, PsqlVariables.forSqitch(Map.of(), "sqitch"), false);
    }

    private static TransactionShape verify(String text) {
        return PsqlTransactionShape.of(text, PsqlVariables.forSqitch(Map.of(), "sqitch"), true);
    }

    @Test
    void plainAndWrappedScriptsMayRunInside() {
        assertEquals(NONE, deploy("CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1)"));
        assertEquals(WRAPPED, deploy("-- Deploy x\n/* c */ BEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;\n"));
        assertEquals(WRAPPED, deploy("START TRANSACTION;\nSELECT 1;\nEND;\n\\echo done\n"));
        assertEquals(WRAPPED, deploy("BEGIN WORK;\nSET LOCAL search_path = x;\nCOMMIT TRANSACTION;\n"));
        // Transaction words inside bodies, strings and comments are not statements.
        assertEquals(NONE, deploy("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;\n"
                + "SELECT 'COMMIT'; -- ROLLBACK;\n"));
        assertEquals(NONE, deploy("\\set owner alice\nGRANT SELECT ON t TO :\"owner\";\nSELECT 1 \\gset\n"));
        assertEquals(NONE, deploy("\\if true\nSELECT 1;\n\\endif\n"));
    }

    @Test
    void transactionsOfTheScriptsOwnRunAsSqitchRunsThem() {
        assertEquals(OTHER, deploy("BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nCOMMIT;\n"));
        assertEquals(OTHER, deploy("CREATE TABLE t (id INT);\nCOMMIT;\nSELECT 1;\n"));
        assertEquals(OTHER, deploy("BEGIN;\nSELECT 1;\n"));
        assertEquals(OTHER, deploy("BEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nCOMMIT;\n"));
        assertEquals(OTHER, deploy("BEGIN;\nSET TRANSACTION READ ONLY;\nCOMMIT;\n"));
        assertEquals(OTHER, deploy("BEGIN;\nSAVEPOINT a;\nROLLBACK TO a;\nCOMMIT;\n"));
        assertEquals(OTHER, deploy("BEGIN;\nSELECT 1;\nROLLBACK;\n"));
        assertEquals(WRAPPED, verify("BEGIN;\nSELECT 1;\nROLLBACK;\n"));
        assertEquals(OTHER, deploy("BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nCOMMIT;\n"));
    }

    @Test
    void statementsThatCannotRunInATransactionBlockRunAsSqitchRunsThem() {
        for (String sql : new String[] {"CREATE INDEX CONCURRENTLY i ON t (id)", "DROP INDEX CONCURRENTLY i",
                "REINDEX TABLE t", "VACUUM", "CREATE DATABASE d", "DROP DATABASE d", "ALTER SYSTEM SET x = 1",
                "CREATE TABLESPACE s LOCATION '/x'", "ALTER TYPE e ADD VALUE 'v'", "ALTER TYPE e ADD VALUE IF NOT"
                        + " EXISTS 'v' AFTER 'u'", "CALL p()", "DISCARD ALL", "CLUSTER", "PREPARE TRANSACTION 'x'",
                "DO $$ BEGIN COMMIT; END $$", "create index concurrently i on t (id)", ":cmd"}) {
            assertEquals(OTHER, deploy(sql + ";\n"), sql);
        }
        assertEquals(NONE, deploy("ALTER TYPE e RENAME VALUE 'a' TO 'b';\nDO $$ BEGIN PERFORM 1; END $$;\n"));
    }

    @Test
    void metaCommandsThatChangeHowTheScriptRunsOrIncludeFilesRunAsSqitchRunsThem() {
        assertEquals(OTHER, deploy("\\set ON_ERROR_STOP 0\nSELECT 1;\n"));
        assertEquals(OTHER, deploy("\\set AUTOCOMMIT off\nSELECT 1;\n"));
        assertEquals(OTHER, deploy("\\i other.sql\n"));
        assertEquals(OTHER, deploy("\\ir other.sql\n"));
        assertEquals(OTHER, deploy("\\q\n"));
        assertEquals(OTHER, deploy("\\gexec\n"));
        assertEquals(OTHER, deploy("\\if true\nBEGIN;\n\\endif\nSELECT 1;\nCOMMIT;\n"));
    }

    @Test
    void theBodyRunSkipsOnlyTheWrapper() {
        assertEquals(true, PsqlTransactionShape.isWrapper("BEGIN;"));
        assertEquals(true, PsqlTransactionShape.isWrapper("commit;"));
        assertEquals(true, PsqlTransactionShape.isWrapper("ROLLBACK;"));
        assertEquals(false, PsqlTransactionShape.isWrapper("CREATE TABLE begin_at (id INT);"));
        assertEquals(false, PsqlTransactionShape.isWrapper("SELECT 1;"));
    }
}
