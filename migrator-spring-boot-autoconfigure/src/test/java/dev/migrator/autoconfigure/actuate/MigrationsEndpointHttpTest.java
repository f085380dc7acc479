package dev.migrator.autoconfigure.actuate;

import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-only side of the ops view over real HTTP, on one migrated application. */
class MigrationsEndpointHttpTest {

    private static final String FIRST = "0a5e00000001";
    private static final String SECOND = "0a5e00000002";

    private static TestDatabase db;
    private static OpsHttp app;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        app = OpsHttp.start(db);
        // the checks after the startup run are evaluated in the background: the meters below read their outcome
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> app.context().getBean(dev.migrator.autoconfigure.status.MigrationChecks.class).cached().isPresent());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>(node.propertyNames());
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    @Test
    void rootSaysWhereTheDatabaseStands() throws Exception {
        JsonNode root = app.json("/actuator/migrations", 200);

        assertThat(fields(root)).containsExactly("state", "current", "heads", "pending", "lastRun", "checks");
        assertThat(root.get("state").asString()).isEqualTo("UP_TO_DATE");
        assertThat(texts(root.get("current"))).containsExactly(SECOND);
        assertThat(texts(root.get("heads"))).containsExactly(SECOND);
        assertThat(root.get("pending").isArray()).isTrue();
        assertThat(root.get("pending").size()).isZero();
        JsonNode lastRun = root.get("lastRun");
        assertThat(fields(lastRun)).containsExactly("startedAt", "finishedAt", "applied", "success");
        assertThat(lastRun.get("applied").asInt()).isEqualTo(2);
        assertThat(lastRun.get("success").asBoolean()).isTrue();
        assertThat(Instant.parse(lastRun.get("startedAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(lastRun.get("finishedAt").asString()));
        JsonNode checks = root.get("checks");
        assertThat(fields(checks)).containsExactly("status", "failed", "total");
        assertThat(checks.get("status").asString()).isEqualTo("PASSED");
        assertThat(checks.get("failed").asInt()).isZero();
        // four built-in checks, two verify queries, one user check
        assertThat(checks.get("total").asInt()).isEqualTo(7);
    }

    @Test
    void historyListsEveryStepNewestFirstWithTheTablesColumns() throws Exception {
        JsonNode entries = app.json("/actuator/migrations/history", 200).get("entries");

        assertThat(entries.size()).isEqualTo(2);
        JsonNode newest = entries.get(0);
        assertThat(fields(newest)).containsExactly("revision", "revises", "direction", "message", "phase", "checksum",
                "startedAt", "finishedAt", "durationMs", "success", "error", "appliedBy");
        assertThat(newest.get("revision").asString()).isEqualTo(SECOND);
        assertThat(texts(newest.get("revises"))).containsExactly(FIRST);
        assertThat(newest.get("direction").asString()).isEqualTo("upgrade");
        assertThat(newest.get("message").asString()).isEqualTo("add display_name to accounts");
        assertThat(newest.get("phase").asString()).isEqualTo("expand");
        assertThat(newest.get("checksum").asString()).matches("[0-9a-f]{64}");
        assertThat(newest.get("durationMs").isNumber()).isTrue();
        assertThat(newest.get("success").asBoolean()).isTrue();
        assertThat(newest.get("error").isNull()).isTrue();
        assertThat(newest.get("appliedBy").asString()).isNotBlank();
        assertThat(entries.get(1).get("revision").asString()).isEqualTo(FIRST);
        assertThat(entries.get(1).get("revises").size()).isZero();
    }

    @Test
    void historyLimitKeepsTheNewestEntries() throws Exception {
        JsonNode entries = app.json("/actuator/migrations/history?limit=1", 200).get("entries");

        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).get("revision").asString()).isEqualTo(SECOND);
    }

    @Test
    void historyLimitOutOfRangeIsABadRequest() throws Exception {
        assertThat(app.json("/actuator/migrations/history?limit=0", 400).get("error").asString()).contains("limit");
    }

    @Test
    void revisionShowsTheCodesRevisionAndWhenItWasApplied() throws Exception {
        JsonNode revision = app.json("/actuator/migrations/" + FIRST, 200);

        assertThat(fields(revision)).containsExactly("revision", "message", "revises", "branchLabels", "dependsOn",
                "phase", "source", "checksum", "applied", "appliedAt");
        assertThat(revision.get("revision").asString()).isEqualTo(FIRST);
        assertThat(revision.get("message").asString()).isEqualTo("create accounts");
        assertThat(revision.get("revises").size()).isZero();
        assertThat(revision.get("branchLabels").size()).isZero();
        assertThat(revision.get("dependsOn").size()).isZero();
        assertThat(revision.get("phase").asString()).isEqualTo("expand");
        assertThat(revision.get("source").asString()).isEqualTo("classpath:db/ops/0a5e00000001_create_accounts.sql");
        assertThat(revision.get("checksum").asString()).matches("[0-9a-f]{64}");
        assertThat(revision.get("applied").asBoolean()).isTrue();
        assertThat(Instant.parse(revision.get("appliedAt").asString())).isBefore(Instant.now());
    }

    @Test
    void unknownRevisionIsNotFoundWithAJsonBody() throws Exception {
        JsonNode body = app.json("/actuator/migrations/ffffffffffff", 404);

        assertThat(body.get("error").asString()).isEqualTo("unknown revision");
        assertThat(body.get("revision").asString()).isEqualTo("ffffffffffff");
    }

    @Test
    void revisionIdWithSqlMetacharactersIsNotFoundAndRunsNothing() throws Exception {
        long historyRows = db.count("SELECT count(*) FROM migrator_history");

        // x'; DROP TABLE accounts; --
        for (String attack : List.of("x%27%3B%20DROP%20TABLE%20accounts%3B%20--", "x'%20OR%20'1'='1", "0a5e00000001'%20--", "1%3B%20DROP%20TABLE%20accounts",
                "%22accounts%22", "0a5e%25")) {
            HttpResponse<String> response = app.get("/actuator/migrations/" + attack);
            assertThat(response.statusCode()).as(attack).isEqualTo(404);
            assertThat(response.body()).as(attack).contains("unknown revision");
        }

        assertThat(db.tableExists("accounts")).isTrue();
        assertThat(db.count("SELECT count(*) FROM migrator_history")).isEqualTo(historyRows);
        assertThat(db.count("SELECT count(*) FROM migrator_version")).isEqualTo(1);
    }

    @Test
    void checksListEveryCheckWithItsOutcome() throws Exception {
        JsonNode checks = app.json("/actuator/migrations/checks", 200);

        assertThat(fields(checks)).containsExactly("status", "results");
        assertThat(checks.get("status").asString()).isEqualTo("PASSED");
        List<String> names = new ArrayList<>();
        for (JsonNode result : checks.get("results")) {
            assertThat(fields(result)).containsExactly("name", "revision", "status", "durationMs", "detail");
            assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("PASSED");
            assertThat(result.get("durationMs").isNumber()).isTrue();
            assertThat(result.get("detail").asString()).isNotBlank();
            names.add(result.get("name").asString() + (result.get("revision").isNull() ? "" : " " + result.get("revision").asString()));
        }
        assertThat(names).containsExactly("version-table", "checksums", "invalid-indexes", "schema-drift",
                "verify " + FIRST, "verify " + SECOND, "no-blocked-domains");
    }

    @Test
    void healthIsUpWithStateAndVersions() throws Exception {
        JsonNode migrations = app.json("/actuator/health", 200).get("components").get("migrations");

        assertThat(migrations.get("status").asString()).isEqualTo("UP");
        JsonNode details = migrations.get("details");
        assertThat(details.get("state").asString()).isEqualTo("UP_TO_DATE");
        assertThat(texts(details.get("current"))).containsExactly(SECOND);
        assertThat(texts(details.get("heads"))).containsExactly(SECOND);
        assertThat(details.get("pending").asInt()).isZero();
    }

    @Test
    void metricsAreVisibleUnderTheirNames() throws Exception {
        assertThat(value("migrator.migrations.pending")).isZero();
        assertThat(value("migrator.migrations.applied")).isEqualTo(2);
        assertThat(value("migrator.checks.failed")).isZero();
        assertThat(value("migrator.info")).isEqualTo(1);
        assertThat(tagValues("migrator.info", "revision")).containsExactly(SECOND);
        assertThat(tagValues("migrator.info", "state")).containsExactly("UP_TO_DATE");
        assertThat(tagValues("migrator.migration.duration", "revision")).containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(tagValues("migrator.migration.duration", "direction")).containsExactly("upgrade");
        assertThat(tagValues("migrator.migration.duration", "outcome")).containsExactly("success");
        JsonNode duration = app.json("/actuator/metrics/migrator.migration.duration?tag=revision:" + FIRST, 200);
        assertThat(statistic(duration, "COUNT")).isEqualTo(1);
        assertThat(statistic(app.json("/actuator/metrics/migrator.lock.wait", 200), "COUNT")).isEqualTo(1);
        assertThat(statistic(app.json("/actuator/metrics/migrator.lock.retries", 200), "COUNT")).isZero();
    }

    @Test
    void prometheusScrapeHasEveryMeter() throws Exception {
        HttpResponse<String> scrape = app.get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains(
                "migrator_migrations_pending 0",
                "migrator_migrations_applied 2",
                "migrator_checks_failed 0",
                "migrator_info{revision=\"" + SECOND + "\",state=\"UP_TO_DATE\"} 1",
                "migrator_migration_duration_seconds_count{direction=\"upgrade\",outcome=\"success\",revision=\"" + FIRST + "\"} 1",
                "migrator_lock_wait_seconds_count 1",
                "migrator_lock_retries_total 0");
    }

    @Test
    void noResponseShowsConnectionSettings() throws Exception {
        for (String path : List.of("/actuator/migrations", "/actuator/migrations/history", "/actuator/migrations/checks",
                "/actuator/migrations/" + FIRST, "/actuator/health")) {
            String body = app.get(path).body();
            assertThat(body).as(path).doesNotContain(db.url()).doesNotContain("jdbc:").doesNotContainIgnoringCase("password");
            if (!db.password().isEmpty()) {
                assertThat(body).as(path).doesNotContain(db.password());
            }
        }
    }

    private static double value(String meter) throws Exception {
        return statistic(app.json("/actuator/metrics/" + meter, 200), "VALUE");
    }

    private static double statistic(JsonNode metric, String statistic) {
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asString().equals(statistic)) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + metric);
    }

    private static List<String> tagValues(String meter, String tag) throws Exception {
        for (JsonNode availableTag : app.json("/actuator/metrics/" + meter, 200).get("availableTags")) {
            if (availableTag.get("tag").asString().equals(tag)) {
                return texts(availableTag.get("values"));
            }
        }
        throw new AssertionError("no tag " + tag + " on " + meter);
    }
}
