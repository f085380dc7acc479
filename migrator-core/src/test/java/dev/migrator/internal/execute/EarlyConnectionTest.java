package dev.migrator.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/** The first connection of a URL, opened while the revisions load: handed over once, never leaked. */
@ExtendWith(FreshDatabase.class)
class EarlyConnectionTest {

    private static final long NEVER_EXPIRES = TimeUnit.MINUTES.toMillis(1);
    private static final long ALWAYS_TRUSTED = Long.MAX_VALUE;

    /** Real connections to the test database, counted and kept to look at afterwards. */
    private static final class CountingSource implements ConnectionSource {
        final AtomicInteger opens = new AtomicInteger();
        final List<Connection> opened = new CopyOnWriteArrayList<>();
        private final String url;
        private final TestDatabase db;

        CountingSource(TestDatabase db, String url) {
            this.db = db;
            this.url = url;
        }

        @Override
        public Connection open() throws SQLException {
            opens.incrementAndGet();
            Connection c = DriverManager.getConnection(url, db.user(), db.password());
            opened.add(c);
            return c;
        }
    }

    @Test
    void theFirstOpenTakesTheEarlyConnectionAndLaterOnesOpenTheirOwn(TestDatabase db) throws Exception {
        CountingSource source = new CountingSource(db, db.url());
        EarlyConnection early = EarlyConnection.start(source, NEVER_EXPIRES, ALWAYS_TRUSTED);
        try (Connection first = early.open(); Connection second = early.open()) {
            assertThat(source.opens).as("the early connection is one of the two, not a third").hasValue(2);
            assertThat(first).isSameAs(source.opened.get(0));
            assertThat(second).isSameAs(source.opened.get(1));
            assertThat(first.isValid(5)).isTrue();
        }
        early.thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(early.thread.isAlive()).as("the attempt's thread ends once its connection is taken").isFalse();
    }

    /**
     * An early attempt held at its start until {@link #releaseOnceClaimed} lets it go on to {@code source}: the
     * open that claims it meanwhile is made on a thread of its own, and the attempt is released only once that
     * open waits for it.
     */
    private static final class HeldAttempt implements ConnectionSource {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final ConnectionSource source;

        HeldAttempt(ConnectionSource source) {
            this.source = source;
        }

        @Override
        public Connection open() throws SQLException {
            entered.countDown();
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new SQLException("the test never released the attempt");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
            return source.open();
        }

        /** Claims {@code early} on another thread, releases the attempt once the claim waits, and gives the claim's outcome. */
        Connection releaseOnceClaimed(EarlyConnection early) throws Exception {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            ExecutorService claimer = Executors.newSingleThreadExecutor();
            try {
                Thread[] claiming = new Thread[1];
                Future<Connection> claimed = claimer.submit(() -> {
                    claiming[0] = Thread.currentThread();
                    return early.open();
                });
                awaitTimedWaiting(claiming);
                release.countDown();
                try {
                    return claimed.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            } finally {
                claimer.shutdownNow();
            }
        }
    }

    @Test
    void anOpenThatComesWhileTheAttemptIsUnderWayWaitsForItInsteadOfOpeningAnother(TestDatabase db) throws Exception {
        CountingSource real = new CountingSource(db, db.url());
        HeldAttempt held = new HeldAttempt(real);
        EarlyConnection early = EarlyConnection.start(held, NEVER_EXPIRES, ALWAYS_TRUSTED);
        try (Connection connection = held.releaseOnceClaimed(early)) {
            assertThat(connection).isSameAs(real.opened.get(0));
            assertThat(real.opens).hasValue(1);
        }
    }

    @Test
    void aFailureTheOpenWaitedForIsItsOwnAttemptAndTheNextOpenTriesAgain(TestDatabase db) {
        // Nothing listens on port 1: the attempt is refused, as a database that is not up yet refuses.
        CountingSource refused = new CountingSource(db, "jdbc:postgresql://127.0.0.1:1/" + db.name());
        HeldAttempt held = new HeldAttempt(refused);
        EarlyConnection early = EarlyConnection.start(held, NEVER_EXPIRES, ALWAYS_TRUSTED);
        assertThatThrownBy(() -> held.releaseOnceClaimed(early)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
        assertThat(refused.opens).as("the early attempt was the open's attempt: no second one").hasValue(1);
        assertThatThrownBy(early::open).isInstanceOf(SQLException.class);
        assertThat(refused.opens).as("the next open tries again").hasValue(2);
    }

    @Test
    void aFailureThatCameBeforeTheOpenIsForgottenAndTheOpenTriesAfresh(TestDatabase db) throws Exception {
        String refusedUrl = "jdbc:postgresql://127.0.0.1:1/" + db.name();
        int[] attempts = {0};
        CountingSource real = new CountingSource(db, db.url());
        // The early attempt is refused (the database not up yet); by the time a command opens, it is up.
        ConnectionSource comingUp = () -> {
            if (attempts[0]++ == 0) {
                return new CountingSource(db, refusedUrl).open();
            }
            return real.open();
        };
        EarlyConnection early = EarlyConnection.start(comingUp, NEVER_EXPIRES, ALWAYS_TRUSTED);
        early.thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(early.thread.isAlive()).as("a failed attempt has nothing to hand over: its thread ends").isFalse();
        try (Connection connection = early.open()) {
            assertThat(connection).isSameAs(real.opened.get(0));
            assertThat(attempts[0]).isEqualTo(2);
        }
    }

    @Test
    void anAbandonedEarlyConnectionIsClosed(TestDatabase db) throws Exception {
        CountingSource source = new CountingSource(db, db.url());
        EarlyConnection early = EarlyConnection.start(source, NEVER_EXPIRES, ALWAYS_TRUSTED);
        early.abandon();
        early.thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(early.thread.isAlive()).isFalse();
        assertThat(source.opened).hasSize(1);
        assertThat(source.opened.get(0).isClosed()).as("closed, whether it opened before or after the abandon").isTrue();
        try (Connection own = early.open()) {
            assertThat(own).isSameAs(source.opened.get(1));
        }
    }

    @Test
    void anEarlyConnectionNobodyTakesIsClosedAfterTheBound(TestDatabase db) throws Exception {
        CountingSource source = new CountingSource(db, db.url());
        EarlyConnection early = EarlyConnection.start(source, 50, ALWAYS_TRUSTED);
        early.thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(early.thread.isAlive()).as("the attempt's thread gives up after the bound").isFalse();
        assertThat(source.opened.get(0).isClosed()).isTrue();
        try (Connection own = early.open()) {
            assertThat(own.isValid(5)).isTrue();
            assertThat(source.opens).hasValue(2);
        }
    }

    @Test
    void anEarlyConnectionWhoseServerSessionEndedIsReplacedNotHandedOut(TestDatabase db) throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        CountingSource real = new CountingSource(db, db.url());
        ConnectionSource signalling = () -> {
            Connection c = real.open();
            opened.countDown();
            return c;
        };
        // Trusted for no time at all: every early connection is checked before it is handed out.
        EarlyConnection early = EarlyConnection.start(signalling, NEVER_EXPIRES, 0);
        assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
        int pid = real.opened.get(0).unwrap(PGConnection.class).getBackendPID();
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            // the two-argument form waits (up to 5 s) until the session is gone
            s.execute("SELECT pg_terminate_backend(" + pid + ", 5000)");
        }
        try (Connection connection = early.open()) {
            assertThat(connection).isSameAs(real.opened.get(1));
            assertThat(connection.isValid(5)).isTrue();
            assertThat(real.opened.get(0).isClosed()).isTrue();
        }
    }

    /** Until the claiming thread waits for the attempt (bounded: 10 s). */
    private static void awaitTimedWaiting(Thread[] claiming) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((claiming[0] == null || claiming[0].getState() != Thread.State.TIMED_WAITING)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(claiming[0]).isNotNull();
        assertThat(claiming[0].getState()).as("the open waits for the attempt").isEqualTo(Thread.State.TIMED_WAITING);
    }
}
