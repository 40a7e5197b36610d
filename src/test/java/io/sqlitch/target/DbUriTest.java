package io.sqlitch.target;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DbUriTest {

    @Test
    void readsDatabaseNamesLikeUriDb() {
        assertEquals(Optional.of("flipr.db"), DbUri.of("db:sqlite:flipr.db").dbName());
        assertEquals(Optional.of("/data/x/flipr.db"), DbUri.of("db:sqlite:/data/x/flipr.db").dbName());
        assertEquals(Optional.of("dir/sub/flipr.db"), DbUri.of("db:sqlite:dir/sub/flipr.db").dbName());
        // The authority form strips one slash, so this is relative (URI::db quirk).
        assertEquals(Optional.of("data/abs.db"), DbUri.of("db:sqlite:///data/abs.db").dbName());
        assertEquals(Optional.of("data/abs.db"), DbUri.of("db:sqlite://localhost/data/abs.db").dbName());
        assertEquals(Optional.empty(), DbUri.of("db:sqlite:").dbName());
        assertEquals(Optional.of("my file.db"), DbUri.of("db:sqlite:my%20file.db?x=1").dbName());
    }

    @Test
    void knowsTheEngineOnlyOfTheFullDbForm() {
        assertEquals(Optional.of("sqlite"), DbUri.of("db:sqlite:").engine());
        assertEquals(Optional.empty(), DbUri.of("db:sqlite").engine());
        assertEquals(Optional.empty(), DbUri.of("db:").engine());
    }

    @Test
    void placesTheRegistryAsEveryVerifiedExample() {
        String[][] cases = {
            {"db:sqlite:flipr.db", "sqitch", "db:sqlite:sqitch.db"},
            {"db:sqlite:/data/x/flipr.db", "sqitch", "db:sqlite:/data/x/sqitch.db"},
            {"db:sqlite:flipr", "sqitch", "db:sqlite:sqitch"},
            {"db:sqlite:foo.tar.gz", "sqitch", "db:sqlite:sqitch.tar.gz"},
            {"db:sqlite:flipr.db", "reg", "db:sqlite:reg.db"},
            {"db:sqlite:flipr.db", "reg.sqlite", "db:sqlite:reg.sqlite"},
            {"db:sqlite:flipr", "reg.x", "db:sqlite:reg.x"},
            {"db:sqlite:flipr.db", "/abs/reg.db", "db:sqlite:/abs/reg.db"},
            {"db:sqlite:dir/sub/flipr.db", "sqitch", "db:sqlite:dir/sub/sqitch.db"},
            {"db:sqlite:./flipr.db", "sqitch", "db:sqlite:./sqitch.db"},
            {"db:sqlite:flipr.db", "flipr", "db:sqlite:flipr.db"},
            {"db:sqlite:", "sqitch", "db:sqlite:"},
        };
        for (String[] c : cases) {
            assertEquals(c[2], DbUri.of(c[0]).registryUri(c[1]).text(), c[0] + " with " + c[1]);
        }
    }

    @Test
    void cleansPathsLikeFileSpecCanonpath() {
        assertEquals("deploy", PathText.clean("./deploy"));
        assertEquals("db", PathText.clean("./db/"));
        assertEquals("a/b", PathText.clean("a//./b"));
        assertEquals(".", PathText.clean("./"));
        assertEquals("db/sqitch.plan", PathText.join("db", "sqitch.plan"));
        assertEquals("sqitch.plan", PathText.join(".", "sqitch.plan"));
    }
}
