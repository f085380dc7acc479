/**
 * The {@code migrations} health contributor
 * ({@link dev.migrator.autoconfigure.health.MigrationsHealthIndicator},
 * {@code management.health.migrations.enabled}). Backs off without {@code spring-boot-health}.
 */
@NullMarked
package dev.migrator.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
