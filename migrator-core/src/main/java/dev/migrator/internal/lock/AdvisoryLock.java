package dev.migrator.internal.lock;

import dev.migrator.internal.support.Concat;
import dev.migrator.internal.support.DurationText;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
    /** What {@link #restoring} puts back: constants, so joining them costs no concatenation at run time. */
    private static final String RESTORE_NAME = "set_config('application_name', ?, false)";
    private static final String RESTORE_CHECK_INTERVAL = ", set_config('client_connection_check_interval', ?, false)";
    /** What {@link #keyFor} hashes before the schema's bytes; {@link #keyTail} what it hashes after them. */
    private static final byte[] KEY_HEAD = "migrator\u0000".getBytes(StandardCharsets.UTF_8);

    /**
     * The key of the defaults ({@code public}, {@code migrator_}), which nearly every installation uses,
     * derived once here: deriving it at run time loads the JCA provider framework, about 10 ms of a fresh
     * process's no-op start. {@code AdvisoryLockTest} checks it against {@link #derive}.
     */
    static final long DEFAULT_KEY = 6021738401106393602L;
    /** PostgreSQL's default schema: the current schema of nearly every connection. */
    private static final String DEFAULT_SCHEMA = "public";
    /** The default table prefix (the configuration's default: internal code uses only the root's model types). */
    private static final String DEFAULT_PREFIX = "migrator_";

    private final String schema;
    private final String tablePrefix;
    private final Duration maxWait;
    private final String who;

    /**
     * @param schema      the schema of Migrator's tables, or null for the connection's current schema
     * @param tablePrefix the prefix of Migrator's tables: with the schema, it names the lock ({@link #keyFor})
     * @param maxWait     how long to wait for another session's run
     * @param who         e.g. {@code host=app-1 pid=4242}, shown in {@code application_name}
     */
    public AdvisoryLock(String schema, String tablePrefix, Duration maxWait, String who) {
        this.schema = schema;
        this.tablePrefix = tablePrefix;
        this.maxWait = maxWait;
        this.who = who;
    }

    /**
     * A stable 64-bit key from what identifies Migrator's tables (not from the database name: locks
     * are per database): the first 8 bytes of SHA-256 of {@code "migrator\0" + schema + "\0" + prefix}
     * in UTF-8. Every release must derive the same key, or two of them could migrate at once.
     */
    public static long keyFor(String schema, String tablePrefix) {
        if (DEFAULT_SCHEMA.equals(schema) && DEFAULT_PREFIX.equals(tablePrefix)) {
            return DEFAULT_KEY;
        }
        return derive(schema, tablePrefix);
    }

    /** {@link #keyFor}'s derivation, without the precomputed default. */
    static long derive(String schema, String tablePrefix) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_HEAD);
            sha256.update(schema.getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha256.digest(keyTail(tablePrefix));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] keyTail(String tablePrefix) {
        return Concat.of("\u0000", tablePrefix).getBytes(StandardCharsets.UTF_8);
    }

    /** The work done under the lock, told the schema the lock is named after (the configured or the current one). */
    @FunctionalInterface
    public interface Body<T> {
        T run(String schema) throws Exception;
    }

    /**
     * Prepares the session ({@code client_connection_check_interval}, {@code application_name}),
     * waits for the lock, runs {@code body}, then unlocks and restores the session's settings. The
     * connection must be in autocommit mode and stays so between the body's transactions.
     *
     * <p>When the lock is free this costs two round trips around the body: one that reads the schema
     * and the settings, sets them and tries the lock; one that unlocks and restores the settings.
     *
     * @param acquired told how long the wait took, before {@code body} runs
     */
    public <T> T withLock(Connection connection, Body<T> body, Consumer<Duration> acquired) throws Exception {
        long start = System.nanoTime();
        Attempt first = prepareAndTry(connection);
        boolean restored = false;
        try {
            long key = hold(connection, first, start);
            T result;
            try {
                acquired.accept(Duration.ofNanos(System.nanoTime() - start));
                result = body.run(first.schema());
            } catch (Throwable failure) {
                // The session may be gone with the failure (a terminated backend): then so is the lock,
                // and the failure, not the failed unlock, is what the caller must see.
                restored = true;
                try {
                    releaseAndRestore(connection, key, first.previous());
                } catch (SQLException unlock) {
                    failure.addSuppressed(unlock);
                }
                throw failure;
            }
            restored = true;
            releaseAndRestore(connection, key, first.previous());
            return result;
        } finally {
            if (!restored) {
                // the lock was never held: only the settings to give back
                restore(connection, first.previous());
            }
        }
    }

    /** What {@link #prepareAndTry} found and changed, to give a pooled connection back as it came. */
    private record SessionSettings(String applicationName, String checkInterval) {}

    /** The first statement's outcome: the schema, the key the server derived for it, and whether the lock was taken. */
    private record Attempt(String schema, long key, boolean acquired, SessionSettings previous) {}

    /**
     * One round trip: reads the schema (the configured one, else the current one) and the settings
     * to restore, tries the lock under the key {@link #keyFor} derives (computed by the server here,
     * since the current schema is only known there; {@link #hold} checks it against keyFor's), and
     * names the session migrating or waiting accordingly.
     *
     * <p>The steps are materialized CTEs so that each runs once and in order: the settings are read
     * before they are set, and the lock is tried exactly once (a second, reentrant take would need a
     * second unlock).
     */
    private Attempt prepareAndTry(Connection connection) throws SQLException {
        // client_connection_check_interval exists from PostgreSQL 14 on: read with missing_ok (null
        // before), set only when it was there. Asked in SQL rather than through DatabaseMetaData, whose
        // class alone costs a fresh process several milliseconds to load.
        String sql = "WITH settings AS MATERIALIZED ("
                + "SELECT lock_schema, application_name, check_interval, ('x' || encode(substr(sha256("
                + "?::bytea || convert_to(lock_schema, 'UTF8') || ?::bytea), 1, 8), 'hex'))::bit(64)::bigint AS lock_key"
                + " FROM (SELECT coalesce(?::text, current_schema()) AS lock_schema,"
                + " current_setting('application_name') AS application_name,"
                + " current_setting('client_connection_check_interval', true) AS check_interval) s),"
                + " attempt AS MATERIALIZED (SELECT *, coalesce(pg_try_advisory_lock(lock_key), false) AS acquired FROM settings)"
                + " SELECT lock_schema, lock_key, acquired, application_name, check_interval,"
                + " set_config('application_name', CASE WHEN acquired THEN ? ELSE ? END, false),"
                + " CASE WHEN check_interval IS NOT NULL THEN set_config('client_connection_check_interval', '1s', false) END"
                + " FROM attempt";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setBytes(1, KEY_HEAD);
            ps.setBytes(2, keyTail(tablePrefix));
            ps.setString(3, schema);
            ps.setString(4, applicationName("migrating"));
            ps.setString(5, applicationName("waiting"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Attempt(rs.getString(1), rs.getLong(2), rs.getBoolean(3),
                        new SessionSettings(rs.getString(4), rs.getString(5)));
            }
        }
    }

    /** Makes sure the lock is held after {@code first}, waiting for it if needed; returns its key. */
    private long hold(Connection connection, Attempt first, long start) throws SQLException {
        if (first.schema() == null) {
            throw PostgresCatalog.noCurrentSchema();
        }
        long key = keyFor(first.schema(), tablePrefix);
        boolean held = first.acquired();
        if (first.key() != key) {
            // Never expected (a test pins the server's derivation to keyFor's): but a key other than the
            // one every release derives would let two runs migrate at once, so keyFor's wins.
            log.warn("The server derived migration lock key {} for schema {}, keyFor {}: using keyFor's",
                    first.key(), first.schema(), key);
            if (held) {
                unlock(connection, first.key());
                held = false;
            }
        }
        if (!held) {
            acquire(connection, key, start);
        }
        return key;
    }

    /**
     * Waits until the lock is taken (the first try, in {@link #prepareAndTry}, failed). The waiter listens
     * on the lock's channel, on which the holder notifies when it releases ({@link #releaseAndRestore}),
     * and tries again as soon as it hears that; a holder that dies notifies nobody, so each wait also
     * ends after a backoff (25 ms doubling to 1 s, with jitter). Listening is done outside any
     * transaction, like the polls, so waiting never holds a snapshot that would stall the holder's
     * {@code CREATE INDEX CONCURRENTLY}.
     */
    private void acquire(Connection connection, long key, long start) throws SQLException {
        log.info("Another session is migrating ({}); waiting up to {} for it to finish",
                LockHolder.of(connection, key).orElse("unknown session"), DurationText.of(maxWait));
        long deadline = start + maxWait.toNanos();
        long pause = FIRST_POLL_MS;
        LockReleases releases = LockReleases.listen(connection, key);
        // One round trip per try: take the lock and, when taken, rename the session.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT CASE WHEN pg_try_advisory_lock(?) THEN set_config('application_name', ?, false) IS NOT NULL"
                        + " ELSE false END")) {
            ps.setLong(1, key);
            ps.setString(2, applicationName("migrating"));
            while (true) {
                // Tried first: the lock may have been released before this session listened.
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new MigratorException(ErrorCode.MIGRATION_LOCK_TIMEOUT, "Timed out after " + DurationText.of(maxWait)
                            + " waiting for the migration lock: " + LockHolder.of(connection, key).orElse("another session")
                            + " holds it.\n  What to do: " + ErrorCode.MIGRATION_LOCK_TIMEOUT.advice());
                }
                releases.await(Math.min(Backoff.jittered(pause), Math.max(1, left / 1_000_000)));
                pause = Math.min(pause * 2, MAX_POLL_MS);
            }
        } finally {
            releases.close();
        }
    }

    private static void unlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }

    /** Unlocks, tells the waiters ({@link LockReleases}) and puts the settings back, in one round trip. */
    private static void releaseAndRestore(Connection connection, long key, SessionSettings previous) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                Concat.of("SELECT pg_advisory_unlock(?), pg_notify(?, ''), ", restoring(previous)))) {
            ps.setLong(1, key);
            ps.setString(2, LockReleases.channel(key));
            bindRestoring(ps, 3, previous);
            ps.executeQuery().close();
        }
    }

    /** Puts the settings back when the lock was never held; a failure here is not the caller's concern. */
    private static void restore(Connection connection, SessionSettings previous) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + restoring(previous))) {
            bindRestoring(ps, 1, previous);
            ps.executeQuery().close();
        } catch (SQLException e) {
            // The connection may be broken after a failure; its settings die with it.
            log.debug("Could not restore the session's settings", e);
        }
    }

    private static String restoring(SessionSettings previous) {
        return previous.checkInterval() == null ? RESTORE_NAME : RESTORE_NAME + RESTORE_CHECK_INTERVAL;
    }

    private static void bindRestoring(PreparedStatement ps, int first, SessionSettings previous) throws SQLException {
        ps.setString(first, previous.applicationName() == null ? "" : previous.applicationName());
        if (previous.checkInterval() != null) {
            ps.setString(first + 1, previous.checkInterval());
        }
    }

    private String applicationName(String doing) {
        String name = Concat.of("migrator ", doing, " ", who);
        // application_name is truncated by the server at 63 bytes; keep the meaningful start.
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
