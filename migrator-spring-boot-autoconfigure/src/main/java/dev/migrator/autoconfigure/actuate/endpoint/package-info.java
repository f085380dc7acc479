/**
 * The operator's view of Migrator under Spring Boot: the {@code migrations} actuator endpoint
 * ({@link dev.migrator.autoconfigure.actuate.MigrationsEndpoint}), the {@code migrations} health
 * contributor, Micrometer meters built on the engine's {@link dev.migrator.event.MigrationListener}
 * events, and the post-deploy checks they share ({@link dev.migrator.autoconfigure.actuate.MigrationChecks},
 * cached for {@code migrator.checks.cache-ttl} and evaluated after every run). Actuator, health and
 * Micrometer are optional dependencies: each part backs off without its library. See
 * {@code docs/operating.md}.
 */
package dev.migrator.autoconfigure.actuate.endpoint;
