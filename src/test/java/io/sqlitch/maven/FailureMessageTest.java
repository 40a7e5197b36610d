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
}
