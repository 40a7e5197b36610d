package io.sqlitch.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChangeKeyTest {

    private static final String ID = "9b3dabba1e8647e6513d3a1437907489fc995646";

    @Test
    void splitsKeysLikeSqitchParamsForKey() {
        assertEquals(new ChangeKey(null, "users", null, 0), ChangeKey.parse("users"));
        assertEquals(new ChangeKey(null, "users", "v1.0", 0), ChangeKey.parse("users@v1.0"));
        assertEquals(new ChangeKey(null, "", "alpha", 0), ChangeKey.parse("@alpha"));
        assertEquals(new ChangeKey(ID, null, null, 0), ChangeKey.parse(ID));
        assertEquals(new ChangeKey(null, null, "HEAD", 0), ChangeKey.parse("HEAD"));
        assertEquals(new ChangeKey(null, null, "ROOT", 0), ChangeKey.parse("ROOT"));
        assertEquals(new ChangeKey(null, "", "HEAD", 0), ChangeKey.parse("@HEAD"));
        // An empty tag counts as none: "users@" is the change "users".
        assertEquals(new ChangeKey(null, "users", null, 0), ChangeKey.parse("users@"));
    }

    @Test
    void stripsOffsetsAfterNonPunctuationOnly() {
        assertEquals(new ChangeKey(null, "bar", null, -1), ChangeKey.parse("bar^"));
        assertEquals(new ChangeKey(null, "bar", null, 2), ChangeKey.parse("bar~~"));
        assertEquals(new ChangeKey(null, "", "alpha", -2), ChangeKey.parse("@alpha^^"));
        assertEquals(new ChangeKey(null, "baz", null, -3), ChangeKey.parse("baz^3"));
        assertEquals(new ChangeKey(null, "yo", "HEAD", -1), ChangeKey.parse("yo@HEAD^"));
        assertEquals(new ChangeKey(null, "", "ROOT", 1), ChangeKey.parse("@ROOT~"));
        assertEquals(new ChangeKey(null, null, "HEAD", 0), ChangeKey.parse("HEAD~0"));
        assertEquals(new ChangeKey(ID, null, null, -1), ChangeKey.parse(ID + "^"));
        // After punctuation the sign is part of the name ("_" is not punctuation).
        assertEquals(new ChangeKey(null, "x-^", null, 0), ChangeKey.parse("x-^"));
        assertEquals(new ChangeKey(null, "x_", null, -1), ChangeKey.parse("x_^"));
    }
}
