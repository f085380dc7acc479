package dev.migrator.lock;

import dev.migrator.MigratorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock: a session-level {@code pg_try_advisory_lock} on the very connection that migrates.
 *
 * <ul>
 *   <li>Session level, not transaction level, and polled in autocommit: the migrating session has no
 *       open transaction between revisions, so its own {@code CREATE INDEX CONCURRENTLY} never
 *       waits for the lock, and waiters hold no transaction (and no snapshot) either.</li>
 *   <li>Taken on the migrating connection itself: when the process dies, its connection closes,
 *       and the lock goes with the session that did the work. {@code client_connection_check_interval}
 *       makes the server notice a vanished client within about a second instead of running its
 *       DDL to the end.</li>
 *   <li>Polled with exponential backoff and jitter, never a blocking {@code pg_advisory_lock}.</li>
 * </ul>
 */
public final class AdvisoryLock {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final long FIRST_POLL_MS = 25;
    private static final long MAX_POLL_MS = 1000;

    private final long key;
    private final Duration maxWait;
    private final String who;

    /**
     * @param key     see {@link #keyFor}
     * @param maxWait how long to wait for another session's run
     * @param who     e.g. {@code host=app-1 pid=4242}, shown in {@code application_name}
     */
    public AdvisoryLock(long key, Duration maxWait, String who) {
        this.key = key;
        this.maxWait = maxWait;
        this.who = who;
    }

    /** A stable 64-bit key from what identifies Migrator's tables (not from the database name: locks are per database). */
    public static long keyFor(String schema, String tablePrefix) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("migrator\u0000" + schema + "\u0000" + tablePrefix).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public long key() {
        return key;
    }

    /**
     * Prepares the session ({@code client_connection_check_interval}, {@code application_name}),
     * waits for the lock, runs {@code body}, then unlocks and restores the session's name. The
     * connection must be in autocommit mode and stays so between the body's transactions.
     *
     * @param acquired told how long the wait took, before {@code body} runs
     */
    public <T> T withLock(Connection connection, Callable<T> body, Consumer<Duration> acquired) throws Exception {
        SessionSettings previous = prepare(connection);
        try {
            long start = System.nanoTime();
            acquire(connection, start);
            acquired.accept(Duration.ofNanos(System.nanoTime() - start));
            T result;
            try {
                result = body.call();
            } catch (Exception failure) {
                // The session may be gone with the failure (a terminated backend): then so is the lock,
                // and the failure, not the failed unlock, is what the caller must see.
                try {
                    release(connection);
                } catch (SQLException unlock) {
                    failure.addSuppressed(unlock);
                }
                throw failure;
            }
            release(connection);
            return result;
        } finally {
            restore(connection, previous);
        }
    }

    /** What {@link #prepare} changed, to give a pooled connection back as it came. */
    private record SessionSettings(String applicationName, String checkInterval) {}

    private SessionSettings prepare(Connection connection) throws SQLException {
        boolean checkInterval = connection.getMetaData().getDatabaseMajorVersion() >= 14;
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting('application_name'), "
                + (checkInterval ? "current_setting('client_connection_check_interval')" : "NULL") + ", "
                + "set_config('application_name', ?, false)"
                + (checkInterval ? ", set_config('client_connection_check_interval', '1s', false)" : ""))) {
            ps.setString(1, applicationName("waiting"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new SessionSettings(rs.getString(1), rs.getString(2));
            }
        }
    }

    private void acquire(Connection connection, long start) throws SQLException {
        long deadline = start + maxWait.toNanos();
        long pause = FIRST_POLL_MS;
        boolean told = false;
        // One round trip per poll: take the lock and, when taken, rename the session.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT CASE WHEN pg_try_advisory_lock(?) THEN set_config('application_name', ?, false) IS NOT NULL"
                        + " ELSE false END")) {
            ps.setLong(1, key);
            ps.setString(2, applicationName("migrating"));
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (!told) {
                    log.info("Another session is migrating ({}); waiting up to {} for it to finish",
                            holder(connection, key).orElse("unknown session"), maxWait);
                    told = true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new MigratorException("Timed out after " + maxWait + " waiting for the migration lock: "
                            + holder(connection, key).orElse("another session") + " holds it. Wait for that run to "
                            + "finish, or end that session if it is stuck (pg_terminate_backend), or raise advisoryLockWait.");
                }
                long sleepMs = Math.min(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1),
                        Math.max(1, left / 1_000_000));
                sleep(sleepMs);
                pause = Math.min(pause * 2, MAX_POLL_MS);
            }
        }
    }

    private void release(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }

    private static void restore(Connection connection, SessionSettings previous) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('application_name', ?, false)"
                + (previous.checkInterval() == null ? "" : ", set_config('client_connection_check_interval', ?, false)"))) {
            ps.setString(1, previous.applicationName() == null ? "" : previous.applicationName());
            if (previous.checkInterval() != null) {
                ps.setString(2, previous.checkInterval());
            }
            ps.executeQuery().close();
        } catch (SQLException e) {
            // The connection may be broken after a failure; its settings die with it.
            log.debug("Could not restore the session's settings", e);
        }
    }

    private String applicationName(String doing) {
        String name = "migrator " + doing + " " + who;
        // application_name is truncated by the server at 63 bytes; keep the meaningful start.
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /** Who holds the lock {@code key} in this database: application name, pid and since when; empty when free. */
    public static Optional<String> holder(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT a.pid, a.application_name, a.client_addr::text, a.backend_start, a.state FROM pg_locks l"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.pid <> pg_backend_pid()")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String name = rs.getString(2);
                return Optional.of("session pid " + rs.getInt(1)
                        + (name == null || name.isEmpty() ? "" : " (application_name '" + name + "')")
                        + (rs.getString(3) == null ? "" : " from " + rs.getString(3))
                        + ", connected since " + rs.getTimestamp(4).toInstant() + ", " + rs.getString(5));
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigratorException("Interrupted while waiting for the migration lock", e);
        }
    }

    /** Whether another session holds the lock (state {@code MIGRATING}). */
    public static boolean isHeldByAnother(Connection connection, long key) throws SQLException {
        return holder(connection, key).isPresent();
    }
}
