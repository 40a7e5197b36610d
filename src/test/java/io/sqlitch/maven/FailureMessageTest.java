package io.sqlitch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.SqitchException;
import io.sqlitch.testing.Capture;
import java.util.List;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The build's final error from what a failed deploy or verify printed (sequences as the ITs log them). */
class FailureMessageTest {

    private static FailureRecorder replay(List<String> lines) {
        FailureRecorder r = new FailureRecorder(new Capture());
        for (String l : lines) {
            if (l.startsWith("E:")) {
                r.vent(l.substring(2));
            } else {
                r.info(l);
            }
        }
        return r;
    }

    @Test
    void aDeployFailureNamesChangeScriptLineDatabaseAndSqlitesMessage() {
        FailureRecorder r = replay(List.of("Deploying changes to db:sqlite:alt/fail.db", "  + app_users ...... ok",
                "E:Parse error near line 5: no such table: nosuchtable", "  + app_items @v1 .. not ok",
                "E:\"sqlite3\" unexpectedly returned exit value 1", "E:", "E:Reverting all changes",
                "  - app_users ...... ok"));
        assertEquals("Deploy failed: app_items@v1 (deploy/app_items.sql line 5) on db:sqlite:alt/fail.db: "
                + "no such table: nosuchtable", FailureMessage.of("Deploy failed", r,
                step -> step.bullet() == '+' ? "deploy/" + step.specifier().replaceFirst("@.*", "") + ".sql" : "?"));
    }

    @Test
    void aPgDeployFailureNamesTheFileAndLinePsqlNames() {
        FailureRecorder r = replay(List.of("Deploying changes to db:pg://u@h:5432/d", "  + b .. ok",
                "E:psql:deploy/inc/part.sql:3: ERROR:  column \"nosuch\" does not exist",
                "E:LINE 1: INSERT INTO c VALUES (nosuch);", "E:                              ^", "  + c .. not ok",
                "E:\"psql\" unexpectedly returned exit value 3", "E:", "E:Reverting all changes"));
        assertEquals("Deploy failed: c (deploy/inc/part.sql line 3) on db:pg://u@h:5432/d: ERROR:  column \"nosuch\""
                + " does not exist", FailureMessage.of("Deploy failed", r, step -> "deploy/c.sql"));
    }

    @Test
    void aVerifyFailureAfterItsCommentLine() {
        FailureRecorder r = replay(List.of("Verifying db:sqlite:flipr_test.db",
                "E:Parse error near line 5: no such table: users_nonesuch",
                "  * users .. # Verify script \"verify/users.sql\" failed.", "not ok", "", "Verify Summary Report"));
        assertEquals("Verify failed: users (verify/users.sql line 5) on db:sqlite:flipr_test.db: "
                + "no such table: users_nonesuch", FailureMessage.of("Verify failed", r,
                step -> step.bullet() == '*' ? "verify/users.sql" : "?"));
    }

    @Test
    void withoutAFailedStepTheMessageIsSqitchsCleaned() {
        FailureRecorder r = replay(List.of("Deploying changes to db:sqlite:x.db", "  + a .. ok"));
        assertEquals("Value \"x\" did not pass\n  second line", FailureMessage.of(
                "Value \"x\" did not pass at /usr/share/perl5/App/Sqitch/Command.pm line 131\n  second line\n", r,
                step -> null));
    }

    @Test
    void mavensFinalErrorShowsSqitchsMultiLineMessageOnce() {
        String sqitch = "Change \"userflips\" is ambiguous. Please specify a tag-qualified change:\n"
                + "  * userflips@HEAD\n  * userflips@v1.0.0-dev1\nChange lookup failed";
        SqitchException e = new SqitchException("Change lookup failed", new SqitchException(sqitch));
        FailureRecorder r = replay(List.of());
        MojoFailureException failure = new MojoFailureException(FailureMessage.of(sqitch, r, step -> null),
                FailureMessage.cleanCopy(new SqitchException(sqitch, e)));
        // Maven appends each cause's message that the final error does not contain yet.
        assertEquals(sqitch, new DefaultExceptionHandler().handleException(failure).getMessage());
    }

    @Test
    void aDriversMessageSqitchsTextAlreadyGivesIsNotRepeated() {
        String libpq = "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"x\" does not exist";
        SqitchException e = new SqitchException(libpq, new java.sql.SQLException("FATAL: database \"x\" does not exist"));
        SqitchException copy = FailureMessage.cleanCopy(e);
        MojoFailureException failure = new MojoFailureException(libpq, copy);
        assertEquals(libpq, new DefaultExceptionHandler().handleException(failure).getMessage());
        assertEquals(1, copy.getSuppressed().length);
    }
}
