package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.TestApps;
import dev.migrator.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link OpsApp} on a random port and reads its actuator over HTTP, as an operator's tools would. */
final class OpsHttp implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConfigurableApplicationContext context;
    private final int port;

    private OpsHttp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static OpsHttp start(TestDatabase db, String... extra) {
        return start(db, List.of(), extra);
    }

    /** Starts {@link OpsApp} with {@code sources} added to it (test configurations). */
    static OpsHttp start(TestDatabase db, List<Class<?>> sources, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "migrator.locations=classpath:db/ops",
                "migrator.checks.cache-ttl=0s",
                // a loaded test machine must not turn a slow answer into UNKNOWN; the outage test sets 2s
                "migrator.status-timeout=10s",
                "management.endpoints.web.exposure.include=*",
                "management.endpoint.health.show-details=always",
                "management.endpoint.health.show-components=always"));
        properties.addAll(List.of(extra));
        SpringApplicationBuilder builder = TestApps.builder(OpsApp.class, db, WebApplicationType.SERVLET,
                properties.toArray(String[]::new));
        builder.sources(sources.toArray(Class<?>[]::new));
        return new OpsHttp(builder.run());
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Duration.ofSeconds(30));
    }

    /** GETs {@code path}; an answer that takes longer than {@code timeout} fails with an HttpTimeoutException. */
    HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path}, expects {@code status}, and parses the body. */
    JsonNode json(String path, int status) throws IOException, InterruptedException {
        return json(path, status, Duration.ofSeconds(30));
    }

    /** GETs {@code path} within {@code timeout}, expects {@code status}, and parses the body. */
    JsonNode json(String path, int status, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, timeout);
        if (response.statusCode() != status) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ", expected " + status
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        context.close();
    }
}
