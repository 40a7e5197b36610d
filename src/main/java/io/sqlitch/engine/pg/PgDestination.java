package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import io.sqlitch.target.DbUri;
import java.util.Optional;

/**
 * What Sqitch's pg engine calls the database in its messages ({@code Deploying changes to ...},
 * {@code # On database ...}, the lock messages): a named target's name; else the URI without its password (the
 * colon stays); a URI without a database name gets one filled in from {@code $PGDATABASE}, the target's user,
 * {@code $PGUSER} or the OS user, in that order. The service file is not read for this.
 */
public final class PgDestination {

    private PgDestination() {
    }

    public static String of(String targetName, DbUri uri, RunContext ctx) {
        if (!targetName.contains(":")) {
            return targetName;
        }
        PgUri pg = PgUri.parse(uri.text());
        if (pg.dbName().isPresent()) {
            return uri.withoutPassword();
        }
        Optional<String> user = ctx.env("SQITCH_USERNAME").or(pg::user);
        Optional<String> db = ctx.env("PGDATABASE").or(() -> user).or(() -> ctx.env("PGUSER"))
                .or(() -> ctx.env("USER")).or(() -> ctx.env("LOGNAME"));
        return db.map(uri::withDbName).orElse(uri).withoutPassword();
    }
}
