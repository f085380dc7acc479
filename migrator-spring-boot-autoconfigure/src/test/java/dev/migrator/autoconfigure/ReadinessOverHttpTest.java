package dev.migrator.autoconfigure;

import static dev.migrator.autoconfigure.LocalHttp.freePort;
import static dev.migrator.autoconfigure.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.migrator.autoconfigure.web.WebApp;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The probes over real HTTP, with a revision ({@code db/slow}) that blocks on advisory lock (4242, 1)
 * while the test holds it: the test decides when the migration may finish.
 */
@ExtendWith(FreshDatabase.class)
class ReadinessOverHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void syncModeStartsTheWebServerOnlyAfterMigrations(TestDatabase db) throws Exception {
        int port = freePort();
        try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
            s.execute("SELECT pg_advisory_lock(4242, 1)");
            CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(
                    () -> web(db, "server.port=" + port).run());
            try {
                SlowRevision.awaitBlocked(db, DEADLINE);
                assertThat(app).isNotDone();
                assertThatThrownBy(() -> get(port, "/actuator/health/liveness")).isInstanceOf(ConnectException.class);
            } finally {
                s.execute("SELECT pg_advisory_unlock(4242, 1)");
            }
            try (ConfigurableApplicationContext context = app.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                assertThat(db.tableExists("slow_done")).isTrue();
                assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void asyncModeRefusesTrafficUntilMigrationsFinishedWhileLivenessStaysUp(TestDatabase db) throws Exception {
        try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
            s.execute("SELECT pg_advisory_lock(4242, 1)");
            try (ConfigurableApplicationContext context = web(db, "server.port=0", "migrator.startup.async=true").run()) {
                int port = port(context);
                try {
                    SlowRevision.awaitBlocked(db, DEADLINE);
                    assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
                    assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(503);
                    assertThat(db.tableExists("slow_done")).isFalse();
                } finally {
                    s.execute("SELECT pg_advisory_unlock(4242, 1)");
                }
                await().atMost(DEADLINE).until(() -> get(port, "/actuator/health/readiness").statusCode() == 200);
                assertThat(db.tableExists("slow_done")).isTrue();
                assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
                assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
                        .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
    }

    @Test
    void failedAsyncRunKeepsReadinessRefusingAndTheProcessAlive(TestDatabase db) throws Exception {
        try (ConfigurableApplicationContext context = web(db, "server.port=0", "migrator.startup.async=true",
                "migrator.locations=classpath:db/migrations,classpath:db/failing").run()) {
            MigratorStartupStatus status = context.getBean(MigratorStartupStatus.class);
            await().atMost(DEADLINE).until(() -> status.state() == MigratorStartupStatus.State.FAILED);

            assertThat(context.isActive()).isTrue();
            int port = port(context);
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(context.getBean(ApplicationAvailability.class).getLivenessState()).isEqualTo(LivenessState.CORRECT);
            assertThat(status.failure()).hasMessageContaining("c3d4e5f6a1b2");
        }
    }

    private static org.springframework.boot.builder.SpringApplicationBuilder web(TestDatabase db, String... extra) {
        String[] properties = new String[extra.length + 2];
        properties[0] = SlowRevision.LOCATIONS;
        properties[1] = "management.endpoint.health.probes.enabled=true";
        System.arraycopy(extra, 0, properties, 2, extra.length);
        return TestApps.builder(WebApp.class, db, WebApplicationType.SERVLET, properties);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
