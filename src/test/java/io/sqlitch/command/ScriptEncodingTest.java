package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts with a UTF-8 BOM, CRLF line ends and invalid UTF-8: deployed as real sqitch (through sqlite3) deploys
 * them, script_hash the SHA-1 of the raw bytes, no exception other than Sqitch's errors, scripts untouched.
 */
class ScriptEncodingTest {

    @TempDir
    Path tmp;

    static final Map<String, byte[]> SCRIPTS = new LinkedHashMap<>();

    static {
        SCRIPTS.put("crlf", "BEGIN;\r\nCREATE TABLE crlf (id INTEGER);\r\nCOMMIT;\r\n".getBytes());
        SCRIPTS.put("bom", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "CREATE TABLE bom (id INTEGER);\n".getBytes()));
        SCRIPTS.put("latin", bytes("CREATE TABLE latin (v TEXT);\nINSERT INTO latin VALUES ('caf".getBytes(),
                new byte[] {(byte) 0xE9, (byte) 0xFF}, "');\n".getBytes()));
    }

    static byte[] bytes(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private EngineProject project(Path root) throws IOException {
        EngineProject p = new EngineProject(root);
        String prev = "";
        for (Map.Entry<String, byte[]> e : SCRIPTS.entrySet()) {
            p.add(e.getKey(), prev, "", "DROP TABLE " + e.getKey() + ";\n", "");
            Files.write(p.dir.resolve("deploy/" + e.getKey() + ".sql"), e.getValue());
            prev = e.getKey();
        }
        return p;
    }

    private static Map<String, String> hashes(Path registry) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + registry); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT change, script_hash FROM changes ORDER BY committed_at")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void bomCrlfAndInvalidUtf8ScriptsDeployWithRawByteHashes() throws Exception {
        EngineProject p = project(tmp.resolve("ours"));
        RealSqitch.Result ours = p.oursCli("deploy", "--mode", "change");
        assertFalse(ours.stderr().contains("Exception"), ours.stderr());
        for (Map.Entry<String, byte[]> e : SCRIPTS.entrySet()) {
            assertEquals(e.getValue().length, Files.size(p.dir.resolve("deploy/" + e.getKey() + ".sql")));
        }
        Map<String, String> hashes = hashes(p.dir.resolve("sqitch.db"));
        for (Map.Entry<String, String> h : hashes.entrySet()) {
            String expected = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(SCRIPTS.get(h.getKey())));
            assertEquals(expected, h.getValue(), h.getKey());
        }
        assertEquals(java.util.List.of("crlf"), java.util.List.copyOf(hashes.keySet()).subList(0, 1));

        RealSqitch.assumeSqitch();
        EngineProject theirs = project(tmp.resolve("sqitch"));
        RealSqitch.Result sqitch = theirs.sqitch("deploy", "--mode", "change");
        assertEquals(sqitch.exitValue(), ours.exitValue(), ours + "\n" + sqitch);
        assertEquals(sqitch.stdout(), ours.stdout());
        assertEquals(sqitch.stderr(), ours.stderr());
        assertEquals(hashes(theirs.dir.resolve("sqitch.db")), hashes);
        assertEquals(theirs.dump("flipr.db"), p.dump("flipr.db"));
    }

    @Test
    void invalidUtf8BytesReachSqliteUnchanged() throws Exception {
        byte[] script = bytes("CREATE TABLE latin (v TEXT);\nINSERT INTO latin VALUES ('caf".getBytes(),
                new byte[] {(byte) 0xE9}, "');\nINSERT INTO latin VALUES ('ok \u00e9');\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        EngineProject p = new EngineProject(tmp.resolve("raw"));
        p.add("latin", "", "", "DROP TABLE latin;\n", "");
        Files.write(p.dir.resolve("deploy/latin.sql"), script);
        RealSqitch.Result r = p.oursCli("deploy");
        assertEquals(0, r.exitValue(), r.toString());
        assertEquals(java.util.List.of("636166E9", "6F6B20C3A9"), hex(p.dir.resolve("flipr.db")));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script));
        assertEquals(expected, hashes(p.dir.resolve("sqitch.db")).get("latin"));
        if (RealSqitch.available()) {
            EngineProject theirs = new EngineProject(tmp.resolve("raw-sqitch"));
            theirs.add("latin", "", "", "DROP TABLE latin;\n", "");
            Files.write(theirs.dir.resolve("deploy/latin.sql"), script);
            assertEquals(0, theirs.sqitch("deploy").exitValue());
            assertEquals(hex(theirs.dir.resolve("flipr.db")), hex(p.dir.resolve("flipr.db")));
        }
    }

    private static java.util.List<String> hex(Path db) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT hex(v) FROM latin ORDER BY rowid")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
