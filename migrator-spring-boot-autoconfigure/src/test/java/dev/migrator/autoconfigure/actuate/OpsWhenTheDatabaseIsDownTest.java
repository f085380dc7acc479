package dev.migrator.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TcpRelay;
import dev.migrator.testsupport.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The ops view over real HTTP while its database is gone (the relay in front of PostgreSQL closed:
 * connections refused and cut) and while it hangs (the relay frozen: nothing answered). Every answer
 * comes well within the pool's 30 s connection timeout, which the HTTP client's 10 s limit enforces.
 */
@ExtendWith(FreshDatabase.class)
class OpsWhenTheDatabaseIsDownTest {

    private static final Duration PROMPT = Duration.ofSeconds(10);
    private static final String HEAD = "0a5e00000002";

    @Test
    void everyPartOfTheOpsViewAnswersAtOnceWithTheLastStateWhileTheDatabaseIsDownOrHangs(TestDatabase db) throws Exception {
        try (TcpRelay database = TcpRelay.to(db)) {
            database.open();
            try (OpsHttp app = OpsHttp.start(db, "spring.datasource.url=" + database.url(db), "migrator.status-timeout=2s")) {
                assertThat(app.json("/actuator/migrations", 200).get("state").asString()).isEqualTo("UP_TO_DATE");
                assertThat(app.get("/actuator/prometheus").body()).contains("state=\"UP_TO_DATE\"");

                database.close();
                assertAnsweredUnknown(app);
                assertThat(app.json("/actuator/migrations/history", 503, PROMPT).get("error").asString())
                        .startsWith("cannot read the migration state: ");
                JsonNode checks = app.json("/actuator/migrations/checks", 200, PROMPT);
                assertThat(checks.get("status").asString()).isEqualTo("FAILED");
                assertThat(checks.get("results").get(0).get("detail").asString()).startsWith("could not evaluate the checks: ");
                // gauges keep their last values and migrator.info turns UNKNOWN; no scrape waits for the database
                await().atMost(Duration.ofSeconds(30)).until(() -> scrape(app).contains(
                        "migrator_info{revision=\"" + HEAD + "\",state=\"UNKNOWN\"} 1"));
                assertThat(scrape(app)).contains("migrator_migrations_applied 2", "migrator_migrations_pending 0");

                database.open();
                await().atMost(Duration.ofSeconds(60)).until(
                        () -> app.json("/actuator/migrations", 200, PROMPT).get("state").asString().equals("UP_TO_DATE"));
                assertThat(app.json("/actuator/health/migrations", 200, PROMPT).get("status").asString()).isEqualTo("UP");

                database.freeze();
                assertAnsweredUnknown(app);
                // cut what hangs, so that closing the pool does not wait out its login timeout
                database.close();
            }
        }
    }

    private static void assertAnsweredUnknown(OpsHttp app) throws Exception {
        JsonNode root = app.json("/actuator/migrations", 200, PROMPT);
        assertThat(root.get("state").asString()).isEqualTo("UNKNOWN");
        assertThat(root.get("lastState").asString()).isEqualTo("UP_TO_DATE");
        assertThat(Instant.parse(root.get("lastReadAt").asString())).isBefore(Instant.now());
        assertThat(root.get("lastStateAgeSeconds").asLong()).isNotNegative();
        assertThat(root.get("current").get(0).asString()).isEqualTo(HEAD);
        assertThat(root.get("heads").get(0).asString()).isEqualTo(HEAD);
        assertThat(root.get("error").asString()).isNotBlank().doesNotContain("create tables")
                .doesNotContain("jdbc:").doesNotContainIgnoringCase("password");

        JsonNode health = app.json("/actuator/health/migrations", 200, PROMPT);
        assertThat(health.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(health.get("details").get("state").asString()).isEqualTo("UNKNOWN");
        assertThat(health.get("details").get("lastState").asString()).isEqualTo("UP_TO_DATE");
        assertThat(health.get("details").get("error").asString()).isNotBlank().doesNotContain("create tables");

        HttpResponse<String> scrape = app.get("/actuator/prometheus", PROMPT);
        assertThat(scrape.statusCode()).isEqualTo(200);
    }

    private static String scrape(OpsHttp app) throws Exception {
        return app.get("/actuator/prometheus", PROMPT).body();
    }
}
