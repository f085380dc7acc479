package dev.migrator.test;

import dev.migrator.MigratorConfiguration;

/**
 * Adjusts the configuration of a {@link MigratorTest} class's revisions before they load: a schema, a
 * table prefix, Java revisions given as instances, a lock timeout. Name the class (it needs a
 * no-argument constructor) in {@link MigratorTest#configure()}; it runs after the annotation's and
 * (in a Spring test) the {@code migrator.*} properties' settings. The harness then sets the
 * DataSource of each test database and applies contract-phase revisions.
 */
@FunctionalInterface
public interface MigratorTestConfigurer {

    void configure(MigratorConfiguration configuration);
}
