/**
 * The {@code migrations} actuator endpoint
 * ({@link dev.migrator.autoconfigure.actuate.endpoint.MigrationsEndpoint}): state, history, one
 * revision, and the post-deploy checks. Backs off without Spring Boot Actuator. See
 * {@code docs/operating.md}.
 */
@NullMarked
package dev.migrator.autoconfigure.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
