package io.sqlitch.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Git-object-style SHA-1 IDs and the plan timestamp format. */
final class Ids {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Ids() {
    }

    /** {@code sha1(kind + " " + byteLength + "\0" + utf8(info))} in lowercase hex. */
    static String objectId(String kind, String info) {
        byte[] body = info.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update((kind + " " + body.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String formatTimestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
