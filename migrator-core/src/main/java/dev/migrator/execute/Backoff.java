package dev.migrator.execute;

import dev.migrator.MigratorException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter between lock_timeout retries, so competing retries spread out. */
final class Backoff {

    private static final long BASE_MS = 100;
    private static final long MAX_MS = 10_000;

    private Backoff() {}

    /** The pause before attempt {@code attempt} (2 for the first retry): half fixed, half random. */
    static Duration before(int attempt) {
        long ceiling = Math.min(MAX_MS, BASE_MS << Math.min(20, Math.max(0, attempt - 2)));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigratorException("Interrupted while waiting to retry a revision", e);
        }
    }
}
