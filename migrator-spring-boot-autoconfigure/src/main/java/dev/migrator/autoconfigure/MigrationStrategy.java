package dev.migrator.autoconfigure;

import dev.migrator.Migrator;

/**
 * What the application does with its database at startup, instead of {@code migrator.startup.action}.
 * Define a bean of this type to replace the default (an upgrade to {@code migrator.target}); it runs
 * where the default would, in both startup modes, with readiness held back until it returns.
 *
 * <pre>{@code
 * @Bean
 * MigrationStrategy migrationStrategy() {
 *     return migrator -> migrator.upgrade("accounts@head");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MigrationStrategy {

    /** Migrates the database at startup; a {@link dev.migrator.MigratorException} fails the start. */
    void migrate(Migrator migrator);
}
