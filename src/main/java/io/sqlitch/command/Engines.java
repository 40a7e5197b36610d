package io.sqlitch.command;

import io.sqlitch.engine.DatabaseEngine;
import io.sqlitch.engine.Engine;
import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.pg.PgEngine;
import io.sqlitch.engine.sqlite.SqliteDatabase;
import io.sqlitch.plan.Plan;
import io.sqlitch.target.Target;

/**
 * The one place a command gets its engine: Sqitch's algorithms ({@link Engine}) over the database engine of the
 * target's URI engine. (It lives here, not in {@code engine}, because the database packages depend on
 * {@code engine}: choosing among them there would be a package cycle.)
 */
final class Engines {

    private Engines() {
    }

    /** The engine for one command on {@code target} with {@code plan}; the target's engine is checked first. */
    static Engine open(CommandContext ctx, Target target, Plan plan, EngineOptions options) {
        return new Engine(ctx.run(), target, plan, ctx.identity(), ctx.out(), ctx.prompter(), options,
                database(target));
    }

    /** The database engine for the target's canonical URI engine ({@code DbUri.engine()}). */
    static DatabaseEngine.Opener database(Target target) {
        return switch (target.engine().orElse("")) {
            case "pg", "cockroach" -> PgEngine::new;
            default -> SqliteDatabase::new; // Engine refuses every other engine before opening anything
        };
    }
}
