/**
 * Sqitch 1.3.1's SQLite registry ({@code sqitch.db}): {@link io.sqlitch.registry.RegistrySchema} (tables exactly as
 * Sqitch creates them, version checks, upgrades), {@link io.sqlitch.registry.Registry} (rows written on deploy, fail
 * and revert; the lookups of status, log, revert and verify) and {@link io.sqlitch.registry.RegistryDatabase}
 * (connections: the registry on its own, or attached to the target database's connection).
 *
 * <p>Everything takes plain values and returns records, so it depends on neither the plan nor the commands.
 * Instances are not thread-safe: one per connection and thread.
 */
package io.sqlitch.registry;
