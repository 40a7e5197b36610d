package io.sqlitch.config;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityTest {

    @TempDir
    Path tmp;

    private Identity identity(String userConf, Map<String, String> env) throws Exception {
        Path user = tmp.resolve("user.conf");
        Files.deleteIfExists(user);
        if (userConf != null) {
            Files.writeString(user, userConf);
        }
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000::/home/bob:/bin/sh\n"
                + "marge:x:1001:1001:Marge Simpson,,,:/home/marge:/bin/sh\n");
        Map<String, String> e = new HashMap<>(env);
        e.put("SQITCH_USER_CONFIG", user.toString());
        e.put("SQITCH_SYSTEM_CONFIG", tmp.resolve("none").toString());
        RunContext ctx = new RunContext(tmp, e, Clock.systemUTC(), tmp);
        return Identity.resolve(ctx, SqitchConfig.load(ctx), passwd, () -> "vm");
    }

    @Test
    void fallsBackToTheSystemAccount() throws Exception {
        assertEquals("root <root@vm>", identity(null, Map.of("USER", "root")).formatted());
        assertEquals("bob <bob@vm>", identity(null, Map.of("SQITCH_ORIG_SYSUSER", "bob", "USER", "root")).formatted());
        assertEquals("Marge Simpson,,, <marge@vm>", identity(null, Map.of("LOGNAME", "marge")).formatted());
    }

    @Test
    void precedenceIsEnvThenConfigThenOrigEnv() throws Exception {
        String conf = "[user]\n\tname = Conf Name\n\temail = conf@example.com\n";
        Map<String, String> orig = Map.of("SQITCH_ORIG_FULLNAME", "Orig", "SQITCH_ORIG_EMAIL", "orig@x", "USER", "r");
        assertEquals("Conf Name <conf@example.com>", identity(conf, orig).formatted());
        assertEquals("Orig <orig@x>", identity(null, orig).formatted());
        Map<String, String> full = new HashMap<>(orig);
        full.put("SQITCH_FULLNAME", "Full");
        full.put("SQITCH_EMAIL", "full@x");
        assertEquals("Full <full@x>", identity(conf, full).formatted());
    }

    @Test
    void failsWithSqitchMessages() throws Exception {
        assertEquals("Cannot find your name; run sqitch config --user user.name \"YOUR NAME\"",
                assertThrows(SqitchException.class, () -> identity(null, Map.of())).getMessage());
        assertEquals("User name may not contain \"<\" or start with \"[\"",
                assertThrows(SqitchException.class, () -> new Identity("a <b", "x")).getMessage());
        assertEquals("User email may not contain \">\"",
                assertThrows(SqitchException.class, () -> new Identity("a", "x>")).getMessage());
    }
}
