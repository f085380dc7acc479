package dev.migrator.result;

import dev.migrator.Direction;
import java.time.Duration;

/**
 * One executed revision of a run.
 *
 * @param attempts 1, or more when lock timeouts were retried
 */
public record StepResult(String revision, Direction direction, String message, Duration duration, int attempts) {}
