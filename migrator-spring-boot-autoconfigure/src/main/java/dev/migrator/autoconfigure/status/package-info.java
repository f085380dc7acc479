/**
 * What the endpoint, health and metrics share, and what works without Actuator: the database state as
 * this process sees it ({@link dev.migrator.autoconfigure.status.MigrationStatusView}, read within
 * {@code migrator.status-timeout}, UNKNOWN past it) and the post-deploy checks
 * ({@link dev.migrator.autoconfigure.status.MigrationChecks}, cached for {@code migrator.checks.cache-ttl}
 * and evaluated after every run). See {@code docs/operating.md}.
 */
@NullMarked
package dev.migrator.autoconfigure.status;

import org.jspecify.annotations.NullMarked;
