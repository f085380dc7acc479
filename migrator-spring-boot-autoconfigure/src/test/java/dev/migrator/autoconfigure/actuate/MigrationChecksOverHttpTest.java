package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators see when something is wrong, each case on its own database and application. */
@ExtendWith({FreshDatabase.class, OutputCaptureExtension.class})
class MigrationChecksOverHttpTest {

    private static JsonNode result(JsonNode checks, String name) {
        for (JsonNode result : checks.get("results")) {
            if (result.get("name").asString().equals(name)) {
                return result;
            }
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }

    private static JsonNode result(JsonNode checks, String name, String revision) {
        for (JsonNode result : checks.get("results")) {
            if (result.get("name").asString().equals(name) && revision.equals(result.get("revision").asString())) {
                return result;
            }
        }
        throw new AssertionError("no check " + name + " of " + revision + " in " + checks);
    }

    @Test
    void driftOutsideMigrationsFailsTheChecksNamingTheColumnAndTakesHealthDown(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db)) {
            assertThat(app.json("/actuator/migrations/checks", 200).get("status").asString()).isEqualTo("PASSED");

            db.execute("ALTER TABLE accounts ADD COLUMN sneaky_hotfix boolean");

            JsonNode checks = app.json("/actuator/migrations/checks", 200);
            assertThat(checks.get("status").asString()).isEqualTo("FAILED");
            JsonNode drift = result(checks, "schema-drift");
            assertThat(drift.get("status").asString()).isEqualTo("FAILED");
            assertThat(drift.get("detail").asString()).contains("column accounts.sneaky_hotfix added");
            JsonNode root = app.json("/actuator/migrations", 200);
            assertThat(root.get("state").asString()).isEqualTo("UP_TO_DATE");
            assertThat(root.get("checks").get("status").asString()).isEqualTo("FAILED");
            assertThat(root.get("checks").get("failed").asInt()).isEqualTo(1);
            JsonNode health = app.json("/actuator/health", 503);
            assertThat(health.get("status").asString()).isEqualTo("DOWN");
            JsonNode migrations = health.get("components").get("migrations");
            assertThat(migrations.get("status").asString()).isEqualTo("DOWN");
            assertThat(migrations.get("details").get("failedChecks").toString()).contains("schema-drift");
            assertThat(app.get("/actuator/prometheus").body()).contains("migrator_checks_failed 1");
        }
    }

    @Test
    void aFailingVerifyQueryFailsItsRevisionsCheck(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db)) {
            db.execute("INSERT INTO accounts (id, email, display_name) VALUES (1, 'a@example.com', NULL)");

            JsonNode checks = app.json("/actuator/migrations/checks", 200);

            assertThat(checks.get("status").asString()).isEqualTo("FAILED");
            JsonNode verify = result(checks, "verify", "0a5e00000002");
            assertThat(verify.get("status").asString()).isEqualTo("FAILED");
            assertThat(verify.get("detail").asString()).contains("returned false", "display_name IS NULL");
            assertThat(result(checks, "verify", "0a5e00000001").get("status").asString()).isEqualTo("PASSED");
            assertThat(app.json("/actuator/health/migrations", 503).get("status").asString()).isEqualTo("DOWN");
        }
    }

    @Test
    void aFailingUserCheckIsReportedUnderItsName(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db)) {
            db.execute("INSERT INTO accounts (id, email, display_name) VALUES (1, 'spam@blocked.example', 'Spam')");

            JsonNode check = result(app.json("/actuator/migrations/checks", 200), "no-blocked-domains");

            assertThat(check.get("status").asString()).isEqualTo("FAILED");
            assertThat(check.get("revision").isNull()).isTrue();
            assertThat(check.get("detail").asString()).isEqualTo("1 accounts use a blocked domain");
        }
    }

    @Test
    void pendingRevisionsAreOutOfService(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db, "migrator.startup.action=none")) {
            JsonNode root = app.json("/actuator/migrations", 200);

            assertThat(root.get("state").asString()).isEqualTo("NOT_INITIALIZED");
            assertThat(root.get("current").size()).isZero();
            assertThat(root.get("pending").size()).isEqualTo(2);
            JsonNode first = root.get("pending").get(0);
            assertThat(first.get("revision").asString()).isEqualTo("0a5e00000001");
            assertThat(first.get("message").asString()).isEqualTo("create accounts");
            assertThat(first.get("phase").asString()).isEqualTo("expand");
            assertThat(root.get("lastRun").isNull()).isTrue();
            JsonNode health = app.json("/actuator/health/migrations", 503);
            assertThat(health.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(health.get("details").get("pending").asInt()).isEqualTo(2);
            assertThat(app.get("/actuator/prometheus").body()).contains("migrator_migrations_pending 2");
        }
    }

    @Test
    void onlyDeferredContractRevisionsPendingIsUp(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db, "migrator.locations=classpath:db/ops,classpath:db/ops-contract")) {
            JsonNode root = app.json("/actuator/migrations", 200);

            assertThat(root.get("state").asString()).isEqualTo("CONTRACT_PENDING");
            assertThat(root.get("pending").get(0).get("phase").asString()).isEqualTo("contract");
            assertThat(root.get("checks").get("status").asString()).isEqualTo("PASSED");
            assertThat(app.json("/actuator/health/migrations", 200).get("status").asString()).isEqualTo("UP");
            assertThat(app.get("/actuator/prometheus").body()).contains("migrator_migrations_pending 1",
                    "migrator_info{revision=\"0a5e00000002\",state=\"CONTRACT_PENDING\"} 1");
        }
    }

    @Test
    void anExpandRevisionBesideADeferredContractRevisionIsAppliedAndWhatNeedsTheContractWaits(TestDatabase db)
            throws Exception {
        // 0004 revises the same parent as the contract revision 0003 and sorts after it; 0005 revises 0003.
        try (OpsHttp app = OpsHttp.start(db,
                "migrator.locations=classpath:db/ops,classpath:db/ops-contract,classpath:db/ops-parallel")) {
            JsonNode root = app.json("/actuator/migrations", 200);

            assertThat(db.queryValue("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' "
                    + "AND column_name = 'nickname'")).as("the expand revision ran").isEqualTo(1L);
            assertThat(root.get("state").asString()).isEqualTo("CONTRACT_PENDING");
            assertThat(root.get("current").toString()).isEqualTo("[\"0a5e00000004\"]");
            assertThat(root.get("pending").toString()).contains("\"revision\":\"0a5e00000003\"", "\"phase\":\"contract\"",
                    "\"revision\":\"0a5e00000005\"").doesNotContain("0a5e00000004");
            assertThat(root.get("checks").get("status").asString()).isEqualTo("PASSED");
            assertThat(app.json("/actuator/health/migrations", 200).get("status").asString()).isEqualTo("UP");
            assertThat(app.get("/actuator/prometheus").body()).contains("migrator_migrations_pending 2",
                    "migrator_info{revision=\"0a5e00000004\",state=\"CONTRACT_PENDING\"} 1");
        }
    }

    @Test
    void disabledChecksLeaveTheEndpointAndHealthWithoutThem(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db, "migrator.checks.enabled=false")) {
            db.execute("ALTER TABLE accounts ADD COLUMN sneaky_hotfix boolean");

            assertThat(app.json("/actuator/migrations", 200).get("checks").isNull()).isTrue();
            assertThat(app.json("/actuator/migrations/checks", 404).get("error").asString()).contains("disabled");
            assertThat(app.json("/actuator/health/migrations", 200).get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void checksAreCachedForTheConfiguredTtl(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db, "migrator.checks.cache-ttl=1h")) {
            assertThat(app.json("/actuator/migrations/checks", 200).get("status").asString()).isEqualTo("PASSED");

            db.execute("ALTER TABLE accounts ADD COLUMN sneaky_hotfix boolean");

            assertThat(app.json("/actuator/migrations/checks", 200).get("status").asString())
                    .as("the evaluation after the startup upgrade is reused for an hour").isEqualTo("PASSED");
            assertThat(app.context().getBean(MigrationChecks.class).evaluate().passed()).isFalse();
            assertThat(app.json("/actuator/migrations/checks", 200).get("status").asString()).isEqualTo("FAILED");
        }
    }

    @Test
    void checksRunAfterTheStartupUpgradeAndTheOutcomeIsLogged(TestDatabase db, CapturedOutput output) throws Exception {
        try (OpsHttp app = OpsHttp.start(db)) {
            // evaluated after the run on a thread of its own, so the start does not wait for it
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> output.getOut().contains("Post-deploy checks passed (7 checks)"));
            db.execute("INSERT INTO accounts (id, email, display_name) VALUES (1, 'a@example.com', NULL)");
        }

        // the next release brings a revision: its startup run is followed by the checks, which now fail
        try (OpsHttp app = OpsHttp.start(db, "migrator.locations=classpath:db/ops,classpath:db/ops-contract",
                "migrator.contract=apply")) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> output.getOut().contains("verify 0a5e00000002: verify query of revision 0a5e00000002"));
            assertThat(output.getOut()).contains("1 of 7 post-deploy checks FAILED after migrating");
        }
    }

    @Test
    void aUserCheckThatThrowsIsFailedWithTheReasonNotAServerError(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db, "ops-test.broken-check=true")) {
            JsonNode checks = app.json("/actuator/migrations/checks", 200);

            assertThat(checks.get("status").asString()).isEqualTo("FAILED");
            JsonNode broken = result(checks, "broken-check");
            assertThat(broken.get("status").asString()).isEqualTo("FAILED");
            assertThat(broken.get("detail").asString())
                    .isEqualTo("the check failed with IllegalStateException: the check's author forgot a null check");
            assertThat(result(checks, "no-blocked-domains").get("status").asString())
                    .as("the checks after a broken one still run").isEqualTo("PASSED");
            assertThat(app.json("/actuator/health/migrations", 503).get("status").asString()).isEqualTo("DOWN");
        }
    }

    @Test
    void aRunInProgressIsMigratingAndItsUnfinishedStateIsNotReportedAsFailedChecks(TestDatabase db, CapturedOutput output)
            throws Exception {
        try (java.sql.Connection gate = db.connect(); java.sql.Statement lock = gate.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(4242, 2)");
            try (OpsHttp app = OpsHttp.start(db, "migrator.startup.async=true",
                    "migrator.locations=classpath:db/ops,classpath:db/ops-slow")) {
                try {
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> db.count(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 4242 AND objid = 2") == 1);

                    JsonNode root = app.json("/actuator/migrations", 200);
                    assertThat(root.get("state").asString()).isEqualTo("MIGRATING");
                    assertThat(root.get("checks").isNull()).as("nothing evaluated while the run is in progress").isTrue();
                    assertThat(app.json("/actuator/health/migrations", 503).get("details").get("state").asString())
                            .isEqualTo("MIGRATING");
                } finally {
                    lock.execute("SELECT pg_advisory_unlock(4242, 2)");
                }
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                        .until(() -> app.json("/actuator/migrations", 200).get("state").asString().equals("UP_TO_DATE"));
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> output.getOut().contains("Post-deploy checks passed"));
        assertThat(output.getOut()).doesNotContain("version-table FAILED")
                .doesNotContain("post-deploy checks FAILED");
    }

    @Test
    void aUserCheckPastItsTimeLimitIsFailedAndItsQueryCancelled(TestDatabase db) throws Exception {
        try (OpsHttp app = OpsHttp.start(db, "ops-test.slow-check=true", "migrator.checks.timeout=700ms")) {
            JsonNode checks = app.json("/actuator/migrations/checks", 200);

            JsonNode slow = result(checks, "slow-check");
            assertThat(slow.get("status").asString()).isEqualTo("FAILED");
            assertThat(slow.get("detail").asString()).isEqualTo("timed out after 700ms (the check was cancelled)");
            assertThat(checks.get("status").asString()).isEqualTo("FAILED");
            // the server-side query is cancelled too, not left sleeping
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> db.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                            + " AND query LIKE '%ops-test slow check%' AND pid <> pg_backend_pid()") == 0);
        }
    }

    @Test
    void aFailedStartupRunIsStateFailedAndHealthDown(TestDatabase db) throws Exception {
        // async: the application stays up to be asked, with readiness held back
        try (OpsHttp app = OpsHttp.start(db, "migrator.startup.async=true",
                "migrator.locations=classpath:db/migrations,classpath:db/failing")) {
            JsonNode root = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> app.json("/actuator/migrations", 200), r -> r.get("state").asString().equals("FAILED"));

            assertThat(root.get("current").get(0).asString()).isEqualTo("a1b2c3d4e5f6");
            assertThat(root.get("pending").get(0).get("revision").asString()).isEqualTo("c3d4e5f6a1b2");
            assertThat(root.get("lastRun").get("success").asBoolean()).isFalse();
            JsonNode newest = app.json("/actuator/migrations/history?limit=1", 200).get("entries").get(0);
            assertThat(newest.get("revision").asString()).isEqualTo("c3d4e5f6a1b2");
            assertThat(newest.get("success").asBoolean()).isFalse();
            assertThat(newest.get("error").asString()).contains("division by zero");
            JsonNode health = app.json("/actuator/health/migrations", 503);
            assertThat(health.get("status").asString()).isEqualTo("DOWN");
            assertThat(health.get("details").get("state").asString()).isEqualTo("FAILED");
            // a scrape never waits for the database: a change of state reaches migrator.info's tags in a later one
            String scrape = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> app.get("/actuator/prometheus").body(), body -> body.contains("state=\"FAILED\""));
            assertThat(scrape).contains("migrator_info{revision=\"a1b2c3d4e5f6\",state=\"FAILED\"} 1")
                    .doesNotContain("state=\"MIGRATING\"");
        }
    }
}
