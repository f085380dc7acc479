package dev.migrator.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.MigratorException;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class AdvisoryLockTest {

    private static final long KEY = AdvisoryLock.keyFor("public", "migrator_");

    private static String query(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void theKeyIsStableAndDependsOnSchemaAndPrefix() {
        assertThat(AdvisoryLock.keyFor("public", "migrator_")).isEqualTo(KEY);
        assertThat(AdvisoryLock.keyFor("app", "migrator_")).isNotEqualTo(KEY);
        assertThat(AdvisoryLock.keyFor("public", "other_")).isNotEqualTo(KEY);
    }

    @Test
    void theMigratingSessionIsNamedChecksItsClientAndHoldsASessionLockOutsideAnyTransaction(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            String[] seen = new String[3];
            new AdvisoryLock(KEY, Duration.ofSeconds(5), "host=h pid=1").withLock(c, () -> {
                seen[0] = query(c, "SELECT current_setting('application_name')");
                seen[1] = query(c, "SELECT current_setting('client_connection_check_interval')");
                seen[2] = query(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()");
                assertThat(c.getAutoCommit()).isTrue();
                return null;
            }, waited -> { });
            assertThat(seen[0]).isEqualTo("migrator migrating host=h pid=1");
            assertThat(seen[1]).isEqualTo("1s");
            assertThat(seen[2]).isEqualTo("1");
            assertThat(query(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"))
                    .isEqualTo("0");
            assertThat(query(c, "SELECT current_setting('application_name')")).isNotEqualTo(seen[0]);
            assertThat(query(c, "SELECT current_setting('client_connection_check_interval')"))
                    .as("a pooled connection goes back as it came").isEqualTo("0");
        }
    }

    @Test
    void aWaiterTimesOutNamingTheHolder(TestDatabase db) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> {
                try {
                    new AdvisoryLock(KEY, Duration.ofSeconds(5), "host=holder pid=7").withLock(holder, () -> {
                        held.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                    }, w -> { });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> new AdvisoryLock(KEY, Duration.ofMillis(300), "host=waiter pid=8")
                    .withLock(waiter, () -> "never", w -> { }))
                    .isInstanceOf(MigratorException.class)
                    .hasMessageContaining("migrator migrating host=holder pid=7");
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);
            assertThat(new AdvisoryLock(KEY, Duration.ofSeconds(5), "host=waiter pid=8")
                    .withLock(waiter, () -> "got it", w -> { })).isEqualTo("got it");
        }
    }

    @Test
    void theLockDiesWithItsSession(TestDatabase db) throws Exception {
        Connection dying = db.connect();
        try (Statement s = dying.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
        try (Connection other = db.connect()) {
            assertThat(AdvisoryLock.isHeldByAnother(other, KEY)).isTrue();
            dying.close();
            String result = new AdvisoryLock(KEY, Duration.ofSeconds(10), "host=h pid=2").withLock(other, () -> "ran", w -> { });
            assertThat(result).isEqualTo("ran");
        }
    }
}
