package dev.migrator.internal.lock;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, for everything that waits on a lock another session holds: the
 * advisory-lock waiters' polls and the retries after {@code lock_timeout}. The jitter spreads
 * competing sessions out so they do not all come back at the same instant.
 */
public final class Backoff {

    private static final long RETRY_BASE_MS = 100;
    private static final long RETRY_MAX_MS = 10_000;

    private Backoff() {}

    /** Half of {@code ceilingMs} fixed, the other half random. */
    static long jittered(long ceilingMs) {
        return ceilingMs / 2 + ThreadLocalRandom.current().nextLong(ceilingMs / 2 + 1);
    }

    /** The pause before attempt {@code attempt} of a revision that hit lock_timeout (2 for the first retry). */
    public static Duration beforeRetry(int attempt) {
        return Duration.ofMillis(jittered(Math.min(RETRY_MAX_MS, RETRY_BASE_MS << Math.min(20, Math.max(0, attempt - 2)))));
    }

    /**
     * Waits out {@code duration}. Only for a delay that is the point (a retry must not hammer the lock it
     * just failed to get), never to wait for something that can signal: that waits on the signal.
     */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigratorException(ErrorCode.INTERRUPTED, "Interrupted while waiting to retry", e);
        }
    }
}
