/**
 * Migrator's Micrometer meters ({@link dev.migrator.autoconfigure.metrics.MigratorMetrics}), built on
 * the engine's {@link dev.migrator.event.MigrationListener} events and the last state read. Backs off
 * without a {@code MeterRegistry}.
 */
@NullMarked
package dev.migrator.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
