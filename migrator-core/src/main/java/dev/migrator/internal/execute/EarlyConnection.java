package dev.migrator.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * A JDBC URL's connections, the first of which is opened on a background thread while the revisions
 * load. In a fresh process the first connection costs about as much as loading a thousand indexed
 * revisions (the driver's initialisation and classes, the server's new backend), and the two need
 * nothing from each other; on a second core they overlap, which is most of what a no-op start costs
 * (figures in {@code docs/benchmarks.md}). A {@code DataSource} is the application's pool, which
 * Migrator does not drive, so only a URL's connections start early.
 *
 * <p>The first {@link #open()} of any kind (a command's, a status read's) takes the early connection; later
 * opens go to the URL. If the early attempt fails while that open waits for it, the failure is the open's
 * own (its attempt, which {@link DatabaseWait} retries as usual: waiting for the attempt and then making
 * another would double the time a hanging connect takes); a failure that came before the open is old
 * news (the database may be up by now), and the open tries afresh. An early connection is checked with
 * {@code isValid} when it has waited longer than a pool would trust an idle connection (a server restart in
 * between), and is closed if no command takes it soon ({@link #UNCLAIMED_MILLIS}) or the revisions fail to
 * load.
 */
public final class EarlyConnection implements ConnectionSource {

    /** How long an unclaimed early connection is kept open: a command follows {@code load()} at once or not at all. */
    static final long UNCLAIMED_MILLIS = 10_000;
    /** How long a claim waits for an attempt still in progress before opening its own (the driver bounds it first). */
    private static final long CLAIM_WAIT_MILLIS = 60_000;
    /** Younger than this, a connection is used unchecked (HikariCP's alive-bypass window). */
    private static final long TRUSTED_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int VALID_TIMEOUT_SECONDS = 5;

    private final ConnectionSource source;
    private final long unclaimedMillis;
    private final long trustedAgeNanos;
    /** The background attempt (for tests, which join it). */
    final Thread thread;
    private final Object monitor = new Object();
    /** Guarded by monitor: the attempt is over. */
    private boolean finished;
    /** Guarded by monitor: claimed by an open(), given up (failed load), or expired; never handed out twice. */
    private boolean taken;
    /** Guarded by monitor: the claiming open() is waiting for the attempt to finish. */
    private boolean claimWaiting;
    /** Guarded by monitor: the early connection, until handed out or closed. */
    private Connection connection;
    /** Guarded by monitor: the early attempt's failure. */
    private SQLException failure;
    /** Written under monitor before {@code finished}; read by the open() whose claim saw it finished. */
    private long openedAt;

    private EarlyConnection(ConnectionSource source, long unclaimedMillis, long trustedAgeNanos) {
        this.source = source;
        this.unclaimedMillis = unclaimedMillis;
        this.trustedAgeNanos = trustedAgeNanos;
        this.thread = new Thread(new Attempt(this), "migrator-early-connection");
        thread.setDaemon(true);
    }

    /** Starts opening {@code source}'s first connection in the background. */
    public static EarlyConnection start(ConnectionSource source) {
        return start(source, UNCLAIMED_MILLIS, TRUSTED_AGE_NANOS);
    }

    static EarlyConnection start(ConnectionSource source, long unclaimedMillis, long trustedAgeNanos) {
        EarlyConnection early = new EarlyConnection(source, unclaimedMillis, trustedAgeNanos);
        early.thread.start();
        return early;
    }

    @Override
    public Connection open() throws SQLException {
        Connection claimed = claim();
        if (claimed == null) {
            return source.open();
        }
        if (System.nanoTime() - openedAt >= trustedAgeNanos && !isValid(claimed)) {
            closeQuietly(claimed);
            return source.open();
        }
        return claimed;
    }

    /** The revisions did not load: nobody will take the early connection. */
    public void abandon() {
        Connection unused;
        synchronized (monitor) {
            if (taken) {
                return;
            }
            taken = true;
            unused = connection;
            connection = null;
            monitor.notifyAll();
        }
        closeQuietly(unused);
    }

    /** The early connection, or null to open one as usual; throws the early attempt's failure if it waited for it. */
    private Connection claim() throws SQLException {
        synchronized (monitor) {
            if (taken) {
                return null;
            }
            taken = true;
            monitor.notifyAll();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLAIM_WAIT_MILLIS);
            claimWaiting = true;
            boolean waited = false;
            try {
                while (!finished) {
                    waited = true;
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null; // the attempt goes on, and closes what it opens: nobody waits for it now
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                claimWaiting = false;
            }
            if (failure != null) {
                if (waited) {
                    throw failure;
                }
                return null;
            }
            Connection claimed = connection;
            connection = null;
            return claimed;
        }
    }

    /** The background attempt: opens, hands over, and closes what nobody took in time. */
    private void attempt() {
        Connection opened = null;
        SQLException failed = null;
        try {
            opened = source.open();
        } catch (SQLException e) {
            failed = e;
        } catch (RuntimeException | LinkageError e) {
            failed = new SQLException("Could not open the connection: " + e, "08001", e);
        }
        Connection unused = null;
        synchronized (monitor) {
            finished = true;
            openedAt = System.nanoTime();
            failure = failed;
            if (taken && !claimWaiting) {
                unused = opened;
            } else {
                connection = opened;
            }
            monitor.notifyAll();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(unclaimedMillis);
            try {
                while (!taken && connection != null) { // a failure has nothing to hand over: the thread ends
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!taken) {
                taken = true;
                unused = connection;
                connection = null;
            }
        }
        closeQuietly(unused);
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // an unused connection: nothing to report
        }
    }

    /** A named class rather than a lambda: a lambda's first bootstrap is itself a cost on a fresh start. */
    private record Attempt(EarlyConnection early) implements Runnable {
        @Override
        public void run() {
            early.attempt();
        }
    }
}
