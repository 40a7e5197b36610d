package io.sqlitch.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every URI example of spec §2.2, as Perl's URI->canonical prints it. */
class UrisTest {

    @Test
    void canonicalisesLikePerlUri() {
        assertEquals("https://example.com/", Uris.canonical("HTTPS://Example.COM:443"));
        assertEquals("http://example.com/", Uris.canonical("http://example.com:80/"));
        assertEquals("http://example.com/x", Uris.canonical("http://EXAMPLE.com:/x"));
        assertEquals("http://example.com?x=1", Uris.canonical("HTTP://EXAMPLE.com?x=1"));
        assertEquals("http://example.com:8080/A~b/A%2F%3A", Uris.canonical("http://example.com:8080/A%7eb/%41%2f%3a"));
        assertEquals("ftp://ex.com/a", Uris.canonical("ftp://Ex.com:21/a"));
        assertEquals("https://user:pw@host/", Uris.canonical("https://user:pw@Host/"));
        assertEquals("https://github.com/x/flipr", Uris.canonical("https://github.com/x/flipr"));
        assertEquals("urn:uuid:ABC", Uris.canonical("urn:Uuid:ABC"));
        assertEquals("mailto:Foo@Example.COM", Uris.canonical("mailto:Foo@Example.COM"));
        assertEquals("file:///data/x", Uris.canonical("file:///data/x"));
        assertEquals("git@github.com:x/y.git", Uris.canonical("git@github.com:x/y.git"));
        assertEquals("https://xn--mnchen-3ya.de/", Uris.canonical("https://m\u00fcnchen.de/"));
        assertEquals("https://github.com/sqitchers/sqitch-sqlite-intro/",
                Uris.canonical("https://github.com/sqitchers/sqitch-sqlite-intro/"));
        // Checked with real sqitch show change (the spec's "bma9c" punycode was wrong).
        assertEquals("http://example.com/a%20b/%C3%A9", Uris.canonical("http://example.com/a b/\u00e9"));
        assertEquals("http://xn--x-9fa.com/", Uris.canonical("HTTP://\u00c9X.com/"));
        assertEquals("https://ex.com/~%E9", Uris.canonical("https://Ex.com/%7e%e9"));
        assertEquals("ssh://host/x", Uris.canonical("ssh://Host:22/x"));
        assertEquals("git://Host:9418/x", Uris.canonical("git://Host:9418/x"));
        assertEquals("http://ex.com/", Uris.canonical("http://ex.com:0080/"));
        assertEquals("https://ex.com/", Uris.canonical("https://ex.com"));
    }
}
