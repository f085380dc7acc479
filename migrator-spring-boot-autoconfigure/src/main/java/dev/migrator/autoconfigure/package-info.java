/**
 * Spring Boot auto-configuration of Migrator: {@link dev.migrator.autoconfigure.MigratorProperties}
 * ({@code migrator.*}), the {@link dev.migrator.Migrator} bean, the startup initializers and the
 * readiness gate, and the failure analyzer that reports a failed migration. Extension points:
 * {@link dev.migrator.autoconfigure.MigrationStrategy}, {@link dev.migrator.autoconfigure.MigratorCustomizer},
 * {@link dev.migrator.autoconfigure.MigratorDataSource}, {@code Migration} and {@code MigrationListener}
 * beans, and replacing any bean (all are {@code @ConditionalOnMissingBean}). The parts operators see live
 * in their own packages: {@code status} (no Actuator needed), {@code actuate.endpoint}, {@code health},
 * {@code metrics}.
 */
@NullMarked
package dev.migrator.autoconfigure;

import org.jspecify.annotations.NullMarked;
