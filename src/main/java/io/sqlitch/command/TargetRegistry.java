package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.engine.SupportedEngines;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryDatabase;
import io.sqlitch.registry.RegistrySchema;
import io.sqlitch.target.Target;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A target's registry opened on its own connection, as Sqitch's SQLite engine connects for the reporting
 * commands. Opening creates an empty registry file when none exists, as Sqitch's connect does.
 */
final class TargetRegistry implements AutoCloseable {

    // Reporting commands write no rows as a person; the registry API wants someone all the same.
    private static final Identity NOBODY = new Identity("", "");

    private final Connection connection;
    private final RegistrySchema schema;
    private final Registry registry;

    private TargetRegistry(Connection connection, RegistrySchema schema, Registry registry) {
        this.connection = connection;
        this.schema = schema;
        this.registry = registry;
    }

    /**
     * Opens {@code target}'s registry; {@code user} is the committer/installer for rows written (null: none). A URI
     * without a database ({@code db:sqlite:}) opens an empty private database, as DBD::SQLite does for an empty
     * name: status then finds nothing deployed and log an uninitialised registry, as with Sqitch.
     */
    static TargetRegistry open(CommandContext ctx, Target target, Identity user) {
        SupportedEngines.require(target);
        Connection connection = target.registryFile(ctx.run().directory())
                .map(RegistryDatabase::open).orElseGet(RegistryDatabase::openInMemory);
        RegistrySchema schema = new RegistrySchema(connection, RegistryDatabase.MAIN, ctx.run().clock());
        Registry registry = new Registry(connection, RegistryDatabase.MAIN, user == null ? NOBODY : user,
                ctx.run().clock());
        return new TargetRegistry(connection, schema, registry);
    }

    static Identity user(CommandContext ctx) {
        return new Identity(ctx.identity().name(), ctx.identity().email());
    }

    RegistrySchema schema() {
        return schema;
    }

    Registry registry() {
        return registry;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }
}
