package dev.migrator.internal.lock;

import dev.migrator.internal.support.Concat;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A waiter's ear on the run lock: {@code LISTEN} on the lock's channel, where the holder sends a
 * {@code NOTIFY} as it unlocks, so a waiter wakes when the lock is free instead of at its next poll.
 * Given back unlistened, so a pooled connection returns as it came.
 */
final class LockReleases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LockReleases.class);

    private final Connection connection;
    private final String channel;
    private final PGConnection notifications; // null when the driver's connection cannot be reached

    private LockReleases(Connection connection, String channel, PGConnection notifications) {
        this.connection = connection;
        this.channel = channel;
        this.notifications = notifications;
    }

    /** The channel of lock {@code key}: one per lock, so waiters of another schema's lock are not woken. */
    static String channel(long key) {
        return Concat.of("migrator_lock_", Long.toHexString(key));
    }

    static LockReleases listen(Connection connection, long key) throws SQLException {
        String channel = channel(key);
        PGConnection notifications = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
        if (notifications == null) {
            // A pool's proxy that hides the driver: waiting still works, by the backoff alone.
            log.debug("The connection does not give access to PostgreSQL notifications; waiting by backoff only");
        } else {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN \"" + channel + "\"");
            }
        }
        return new LockReleases(connection, channel, notifications);
    }

    /** Returns when the holder has released the lock, or after {@code maxMillis} at the latest. */
    void await(long maxMillis) throws SQLException {
        if (notifications == null) {
            Backoff.pause(Duration.ofMillis(maxMillis));
            return;
        }
        // Blocks reading the socket (no transaction is open) until a notification or the time limit.
        notifications.getNotifications((int) Math.max(1, Math.min(Integer.MAX_VALUE, maxMillis)));
    }

    @Override
    public void close() {
        if (notifications == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN \"" + channel + "\"");
            notifications.getNotifications(); // drop what arrived meanwhile: the connection may go back to a pool
        } catch (SQLException e) {
            log.debug("Could not stop listening on {} (connection lost?)", channel, e);
        }
    }
}
