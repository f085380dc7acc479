/**
 * Spring Boot auto-configuration of Migrator: {@link dev.migrator.autoconfigure.MigratorProperties}
 * ({@code migrator.*}), the {@link dev.migrator.Migrator} bean, the startup initializers and the
 * readiness gate. Extension points: {@link dev.migrator.autoconfigure.MigratorCustomizer},
 * {@link dev.migrator.autoconfigure.MigratorDataSource}, {@code Migration} and
 * {@code MigrationListener} beans, and replacing any bean (all are {@code @ConditionalOnMissingBean}).
 */
package dev.migrator.autoconfigure;
