package dev.migrator.autoconfigure;

import dev.migrator.MigratorConfiguration;

/**
 * Adjusts the configuration of the auto-configured {@link dev.migrator.Migrator} after the
 * {@code migrator.*} properties were applied and before it is loaded. Beans of this type are applied
 * in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface MigratorCustomizer {

    void customize(MigratorConfiguration configuration);
}
