package dev.migrator.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.migrator.autoconfigure.metrics.MigratorMetrics;
import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.testsupport.RoundTripCounter;
import dev.migrator.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What one request of the ops view costs the database, counted where it happens: connections obtained
 * from the application's DataSource (the real HikariCP pool, counted by a delegating wrapper) and round
 * trips on the wire (a relay that reads the PostgreSQL protocol in front of the real server; the pool's
 * own validations are counted apart). The checks cache is off ({@code cache-ttl=0s}), so every request
 * that shows the checks evaluates them: the most a request can cost.
 *
 * <p>The application: {@code db/ops} (two revisions, each with a verify query) and one user check; Migrator's
 * schema is the connection's current schema (not configured).
 */
class ReadCostOverHttpTest {

    private static final int POOL = 2;
    /** A status read: the current schema; the migration lock and the tables; the rows (version, newest history row and run). */
    private static final int STATUS_READ = 3;
    /**
     * The checks after it, on its connection: invalid-indexes 1, schema-drift 1 (the fingerprint, computed by the
     * server), each of the two verify queries 2 (BEGIN, READ ONLY and the query in one; the rollback), the user check 1.
     * The version-table and checksums checks compare what the status read brought.
     */
    private static final int CHECKS = 7;

    private static TestDatabase db;
    private static RoundTripCounter wire;
    private static OpsHttp app;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        wire = RoundTripCounter.to(db);
        app = OpsHttp.start(db, List.of(CountingDataSource.Wrapping.class),
                "spring.datasource.url=" + wire.url(db),
                "spring.datasource.hikari.maximum-pool-size=" + POOL,
                "spring.datasource.hikari.minimum-idle=" + POOL);
        // the checks after the startup run are evaluated in the background; the pool fills in the background
        await().atMost(Duration.ofSeconds(60)).until(() -> checks().cached().isPresent());
        await().atMost(Duration.ofSeconds(60)).until(() -> pool().getTotalConnections() == POOL);
        await().atMost(Duration.ofSeconds(60)).until(() -> pool().getActiveConnections() == 0);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (wire != null) {
            wire.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static CountingDataSource dataSource() {
        return app.context().getBean(CountingDataSource.class);
    }

    private static HikariPoolMXBean pool() {
        return dataSource().pool(HikariDataSource.class).getHikariPoolMXBean();
    }

    private static MigrationChecks checks() {
        return app.context().getBean(MigrationChecks.class);
    }

    /** What {@code request} cost, once every connection it took is back in the pool. */
    private static Cost cost(String what, Callable<?> request) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> pool().getActiveConnections() == 0);
        int obtained = dataSource().obtained();
        RoundTripCounter.Counts before = wire.counts();
        request.call();
        await().atMost(Duration.ofSeconds(30)).until(() -> pool().getActiveConnections() == 0);
        RoundTripCounter.Counts counts = wire.counts().since(before);
        Cost cost = new Cost(dataSource().obtained() - obtained, counts.connections(), counts.applicationRoundTrips(),
                counts.validations());
        System.out.println("read cost: " + what + ": " + cost);
        return cost;
    }

    /**
     * @param obtained    connections obtained from the DataSource
     * @param opened      physical connections opened (the pool's, when it had to grow)
     * @param roundTrips  round trips the application sent
     * @param validations round trips of the pool validating an idle connection before handing it out
     */
    record Cost(int obtained, int opened, int roundTrips, int validations) {}

    @Test
    void oneGetOfTheSummaryWithStaleChecksReadsTheStateOnceOnOneConnection() throws Exception {
        Cost cost = cost("GET /actuator/migrations", () -> {
            JsonNode root = app.json("/actuator/migrations", 200);
            assertThat(root.get("state").asString()).isEqualTo("UP_TO_DATE");
            assertThat(root.get("lastRun").get("applied").asInt()).isEqualTo(2);
            assertThat(root.get("checks").get("status").asString()).isEqualTo("PASSED");
            assertThat(root.get("checks").get("total").asInt()).isEqualTo(7);
            return root;
        });

        assertThat(cost.obtained()).isEqualTo(1);
        assertThat(cost.opened()).isZero();
        assertThat(cost.roundTrips()).isEqualTo(STATUS_READ + CHECKS);
        assertThat(cost.validations()).isLessThanOrEqualTo(cost.obtained());
    }

    /**
     * On a pooled connection the driver server-prepares a statement from its fifth use on: the count holds
     * beyond that (twelve requests on a pool of two).
     */
    @Test
    void everyGetCostsTheSameOnConnectionsThePoolHasHandedOutBefore() throws Exception {
        for (int request = 1; request <= 12; request++) {
            Cost cost = cost("GET /actuator/migrations #" + request, () -> app.json("/actuator/migrations", 200));

            assertThat(cost.obtained()).as("request %d", request).isEqualTo(1);
            assertThat(cost.roundTrips()).as("request %d", request).isEqualTo(STATUS_READ + CHECKS);
        }
    }

    @Test
    void oneHealthCheckWithStaleChecksReadsTheStateOnceOnOneConnection() throws Exception {
        Cost cost = cost("GET /actuator/health/migrations", () -> {
            JsonNode health = app.json("/actuator/health/migrations", 200);
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("details").get("checks").asString()).isEqualTo("PASSED");
            return health;
        });

        assertThat(cost.obtained()).isEqualTo(1);
        assertThat(cost.opened()).isZero();
        assertThat(cost.roundTrips()).isEqualTo(STATUS_READ + CHECKS);
    }

    @Test
    void theChecksPathReadsTheStateOnceOnOneConnection() throws Exception {
        Cost cost = cost("GET /actuator/migrations/checks", () -> {
            JsonNode checks = app.json("/actuator/migrations/checks", 200);
            assertThat(checks.get("status").asString()).isEqualTo("PASSED");
            assertThat(checks.get("results").size()).isEqualTo(7);
            return checks;
        });

        assertThat(cost.obtained()).isEqualTo(1);
        assertThat(cost.opened()).isZero();
        assertThat(cost.roundTrips()).isEqualTo(STATUS_READ + CHECKS);
    }

    @Test
    void aMetricsRefreshReadsTheStatusOnceOnOneConnection() throws Exception {
        // what a scrape starts when the gauges' state is older than 5 s; it never waits for it itself
        Cost cost = cost("metrics refresh (a scrape of a stale state)",
                () -> app.context().getBean(MigratorMetrics.class).refresh().get());

        assertThat(cost.obtained()).isEqualTo(1);
        assertThat(cost.opened()).isZero();
        assertThat(cost.roundTrips()).isEqualTo(STATUS_READ);
    }
}
