package io.sqlitch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.SqitchException;
import io.sqlitch.testing.Capture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The answers Sqitch reads from a non-terminal standard input (see the revert-prompt IT for a real Maven). */
class MavenPrompterTest {

    private static final String Q = "Revert all changes from db:sqlite:x.db?";

    private static boolean answer(String input, boolean defaultYes, Capture out) {
        return new MavenPrompter(true, null, false,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out).confirm(Q, defaultYes);
    }

    @Test
    void readsTheAnswerFromAPipe() {
        Capture out = new Capture();
        assertFalse(answer("n\n", true, out));
        assertEquals(Q + " [Yes] n\n", out.stdout());
        assertTrue(answer("y\n", false, new Capture()));
        assertTrue(answer("YES\n", false, new Capture()));
    }

    @Test
    void anEmptyLineOrTheEndOfInputTakesTheDefault() {
        assertTrue(answer("\n", true, new Capture()));
        assertFalse(answer("\n", false, new Capture()));
        Capture out = new Capture();
        assertFalse(answer("", false, out));
        assertEquals(Q + " [No] No\n", out.stdout());
    }

    @Test
    void threeWrongAnswersAbortAsSqitchDoes() {
        Capture out = new Capture();
        SqitchException e = assertThrows(SqitchException.class, () -> answer("maybe\nfoo\nbar\n", true, out));
        assertEquals("No valid answer after 3 attempts; aborting", e.getMessage());
        assertEquals(3, out.stdout().split("Please answer \"y\" or \"n\".", -1).length - 1);
    }

    @Test
    void aBatchSessionNeverReads() {
        MavenPrompter batch = new MavenPrompter(false, null, false, new ByteArrayInputStream("y\n".getBytes()),
                new Capture());
        SqitchException e = assertThrows(SqitchException.class, () -> batch.confirm(Q, true));
        assertTrue(e.getMessage().contains("-Dsqlitch.yes"), e.getMessage());
    }
}
