package io.sqlitch.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON files stay byte for byte what the hand-written writer wrote before Jackson (captured in golden/). */
class ReportsGoldenTest {

    @Test
    void everyReportFileIsByteForByteTheCapturedOne(@TempDir Path dir) throws Exception {
        Map<String, String> docs = ReportFixtures.documents();
        assertEquals(7, docs.size());
        for (Map.Entry<String, String> doc : docs.entrySet()) {
            byte[] golden = golden(doc.getKey());
            Path file = dir.resolve(doc.getKey());
            JsonWriter.write(file, doc.getValue());
            assertArrayEquals(golden, Files.readAllBytes(file), doc.getKey());
            assertEquals(new String(golden, StandardCharsets.UTF_8), doc.getValue(), doc.getKey());
        }
    }

    private static byte[] golden(String name) throws Exception {
        try (InputStream in = ReportsGoldenTest.class.getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new AssertionError("missing golden file " + name);
            }
            return in.readAllBytes();
        }
    }
}
