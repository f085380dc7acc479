package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Both sides of the actuator's security, over real HTTP: probes public, ops data behind the OPS role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorSecurityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PROTECTED = List.of("/actuator/migrations", "/actuator/migrations/history",
            "/actuator/migrations/checks", "/actuator/migrations/a5c2b1d03f12", "/actuator/metrics/migrator.info",
            "/actuator/prometheus");

    @LocalServerPort
    int port;

    @Value("${sample.security.ops-password}")
    String opsPassword;

    @Value("${sample.security.viewer-password}")
    String viewerPassword;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void probesAndInfoArePublicAndShowNoDetailsToAnonymousCallers() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
        }
        JsonNode health = JSON.readTree(get("/actuator/health", null).body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).as("anonymous callers see the status only").isFalse();
    }

    @Test
    void opsDataNeedsCredentials() throws Exception {
        for (String path : PROTECTED) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Basic"));
            assertThat(response.body()).as(path).doesNotContain("\"state\"", "\"entries\"", "\"results\"", "migrator_");
        }
        assertThat(get("/actuator/migrations", basic("ops", "wrong-password")).statusCode()).isEqualTo(401);
    }

    @Test
    void anAuthenticatedUserWithoutTheOpsRoleIsForbidden() throws Exception {
        for (String path : PROTECTED) {
            assertThat(get(path, basic("viewer", viewerPassword)).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void theOpsRoleReadsTheMigrationsEndpointHealthDetailsAndMetrics() throws Exception {
        String ops = basic("ops", opsPassword);
        for (String path : PROTECTED) {
            assertThat(get(path, ops).statusCode()).as(path).isEqualTo(200);
        }

        JsonNode migrations = JSON.readTree(get("/actuator/migrations", ops).body());
        assertThat(migrations.get("state").asString()).isEqualTo("CONTRACT_PENDING");
        assertThat(migrations.get("pending").get(0).get("revision").asString()).isEqualTo("c18e7d6f9cb8");
        assertThat(migrations.get("pending").get(0).get("phase").asString()).isEqualTo("contract");
        assertThat(migrations.get("checks").get("status").asString())
                .as(get("/actuator/migrations/checks", ops).body()).isEqualTo("PASSED");

        JsonNode health = JSON.readTree(get("/actuator/health", ops).body()).get("components").get("migrations");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("details").get("state").asString()).isEqualTo("CONTRACT_PENDING");
        assertThat(health.get("details").get("pending").asInt()).isEqualTo(1);

        // the checks after the startup run are evaluated in the background; the gauge shows their outcome once known
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> get("/actuator/prometheus", ops).body().contains("migrator_checks_failed 0"));
        assertThat(get("/actuator/prometheus", ops).body()).contains("migrator_migrations_pending 1",
                "migrator_checks_failed 0", "migrator_info{revision=\"a5c2b1d03f12\",state=\"CONTRACT_PENDING\"} 1");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
