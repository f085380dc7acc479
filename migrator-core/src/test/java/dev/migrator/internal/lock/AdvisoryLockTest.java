package dev.migrator.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ErrorCode;
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
import org.awaitility.Awaitility;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
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
        // Every release must lock the same key, or an old and a new instance of a rolling deploy could
        // migrate at once: these are the keys the first releases derived.
        assertThat(KEY).isEqualTo(6021738401106393602L);
        assertThat(AdvisoryLock.derive("public", "migrator_")).as("the precomputed default, derived")
                .isEqualTo(AdvisoryLock.DEFAULT_KEY).isEqualTo(KEY);
        assertThat(AdvisoryLock.keyFor("Ünï \"q\" schema", "app_")).isEqualTo(1537486199692834509L);
        assertThat(AdvisoryLock.keyFor("app", "migrator_")).isNotEqualTo(KEY);
        assertThat(AdvisoryLock.keyFor("public", "other_")).isNotEqualTo(KEY);
    }

    @Test
    void theMigratingSessionIsNamedChecksItsClientAndHoldsASessionLockOutsideAnyTransaction(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            String[] seen = new String[3];
            new AdvisoryLock(null, "migrator_", Duration.ofSeconds(5), "host=h pid=1").withLock(c, schema -> {
                assertThat(schema).as("the connection's current schema").isEqualTo("public");
                try (Connection other = db.connect()) {
                    assertThat(LockHolder.isHeldByAnother(other, KEY)).as("the key of public").isTrue();
                }
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
                    new AdvisoryLock("public", "migrator_", Duration.ofSeconds(5), "host=holder pid=7").withLock(holder, schema -> {
                        held.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                    }, w -> { });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> new AdvisoryLock("public", "migrator_", Duration.ofMillis(300), "host=waiter pid=8")
                    .withLock(waiter, schema -> "never", w -> { }))
                    .isInstanceOf(MigratorException.class)
                    .hasMessageContaining("migrator migrating host=holder pid=7")
                    .hasMessageContaining("Timed out after 300ms").hasMessageNotContaining("PT0.3S")
                    .hasMessageContaining("What to do: " + ErrorCode.MIGRATION_LOCK_TIMEOUT.advice())
                    .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.MIGRATION_LOCK_TIMEOUT);
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);
            String result = new AdvisoryLock("public", "migrator_", Duration.ofSeconds(5), "host=waiter pid=8")
                    .withLock(waiter, schema -> "got it", w -> { });
            assertThat(result).isEqualTo("got it");
        }
    }

    @Test
    void theServerDerivesTheKeyOfTheCurrentSchemaAsKeyForDoes(TestDatabase db) throws Exception {
        String schema = "Ünï \"q\" schema";
        db.execute("CREATE SCHEMA \"Ünï \"\"q\"\" schema\"");
        try (Connection c = db.connect(); Connection other = db.connect()) {
            query(c, "SELECT set_config('search_path', '\"Ünï \"\"q\"\" schema\"', false)");
            String seen = new AdvisoryLock(null, "app_", Duration.ofSeconds(5), "host=h pid=3").withLock(c, current -> {
                assertThat(LockHolder.of(other, AdvisoryLock.keyFor(schema, "app_")).orElse("nobody"))
                        .as("the holder of keyFor's key").contains("migrator migrating host=h pid=3");
                return current;
            }, w -> { });
            assertThat(seen).isEqualTo(schema);
            assertThat(LockHolder.isHeldByAnother(other, AdvisoryLock.keyFor(schema, "app_"))).isFalse();
        }
    }

    @Test
    void withoutACurrentSchemaNothingIsLockedAndTheSessionGoesBackAsItCame(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            query(c, "SELECT set_config('search_path', 'nowhere', false)");
            String name = query(c, "SELECT current_setting('application_name')");

            assertThatThrownBy(() -> new AdvisoryLock(null, "migrator_", Duration.ofSeconds(5), "host=h pid=4")
                    .withLock(c, schema -> "never", w -> { }))
                    .isInstanceOf(MigratorException.class).hasMessageContaining("no current schema");

            assertThat(query(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"))
                    .isEqualTo("0");
            assertThat(query(c, "SELECT current_setting('application_name')")).isEqualTo(name);
            assertThat(query(c, "SELECT current_setting('client_connection_check_interval')")).isEqualTo("0");
        }
    }

    @Test
    void aFailedBodyReleasesTheLockAndGivesTheSessionBack(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            String name = query(c, "SELECT current_setting('application_name')");

            assertThatThrownBy(() -> new AdvisoryLock("public", "migrator_", Duration.ofSeconds(5), "host=h pid=5")
                    .withLock(c, schema -> {
                        throw new AssertionError("body failed");
                    }, w -> { }))
                    .isInstanceOf(AssertionError.class).hasMessage("body failed");

            assertThat(query(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"))
                    .isEqualTo("0");
            assertThat(query(c, "SELECT current_setting('application_name')")).isEqualTo(name);
            assertThat(query(c, "SELECT current_setting('client_connection_check_interval')")).isEqualTo("0");
        }
    }

    @Test
    void aWaiterIsNamedWaitingUntilItTakesTheLockAndThenMigrating(TestDatabase db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return new AdvisoryLock("public", "migrator_", Duration.ofSeconds(30), "host=waiter pid=9")
                            .withLock(waiter, schema -> query(waiter, "SELECT current_setting('application_name')"), w -> { });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Awaitility.await("the waiter named in pg_stat_activity").atMost(Duration.ofSeconds(10))
                    .until(() -> db.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND application_name = 'migrator waiting host=waiter pid=9'") == 1);
            assertThat(waiting).isNotDone();

            try (Statement s = holder.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            }

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("migrator migrating host=waiter pid=9");
            assertThat(query(waiter, "SELECT count(*) FROM pg_listening_channels()"))
                    .as("the waiter stopped listening for releases: the connection goes back as it came").isEqualTo("0");
        }
    }

    @Test
    void releasingTheLockNotifiesItsWaitersChannel(TestDatabase db) throws Exception {
        try (Connection ear = db.connect(); Connection runner = db.connect()) {
            ear.setAutoCommit(true);
            try (Statement s = ear.createStatement()) {
                s.execute("LISTEN \"" + LockReleases.channel(KEY) + "\"");
            }

            new AdvisoryLock("public", "migrator_", Duration.ofSeconds(5), "host=h pid=4").withLock(runner, schema -> "ran", w -> { });

            PGNotification[] heard = ear.unwrap(PGConnection.class).getNotifications(10_000);
            assertThat(heard).extracting(PGNotification::getName).containsExactly(LockReleases.channel(KEY));
        }
    }

    @Test
    void theLockDiesWithItsSession(TestDatabase db) throws Exception {
        Connection dying = db.connect();
        try (Statement s = dying.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
        try (Connection other = db.connect()) {
            assertThat(LockHolder.isHeldByAnother(other, KEY)).isTrue();
            dying.close();
            String result = new AdvisoryLock("public", "migrator_", Duration.ofSeconds(10), "host=h pid=2").withLock(other, schema -> "ran", w -> { });
            assertThat(result).isEqualTo("ran");
        }
    }
}
