package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole sample on its own embedded PostgreSQL, as {@code spring-boot:run} starts it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTest {

    /** Every revision except the contract one, which waits for migrator.contract=apply. */
    private static final String EXPECTED_HEAD = "a5c2b1d03f12";

    @LocalServerPort
    int port;

    @Autowired
    Migrator migrator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres embeddedPostgres;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsOnTheEmbeddedDatabaseWithExpandRevisionsAppliedAndTheContractDeferred() {
        assertThat(embeddedPostgres.getPort()).isPositive();
        assertThat(migrator.current()).containsExactly(EXPECTED_HEAD);
        assertThat(migrator.pending()).extracting(r -> r.revision()).containsExactly("c18e7d6f9cb8");
        assertThat(columnExists("users", "name")).as("old column kept until the contract revision").isTrue();
        assertThat(columnExists("users", "display_name")).isTrue();
        assertThat(jdbc.sql("SELECT is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'orders' AND column_name = 'status'").query(String.class).single()).isEqualTo("NO");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " WHERE c.relname = 'orders_created_at_idx' AND i.indisvalid").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void usersAndOrdersRoundTripOverHttp() throws Exception {
        HttpResponse<String> user = post("/users", "{\"email\":\"ada@example.com\",\"displayName\":\"Ada\"}");
        assertThat(user.statusCode()).isEqualTo(201);
        long userId = jdbc.sql("SELECT id FROM users WHERE email = 'ada@example.com'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT name FROM users WHERE id = ?").param(userId).query(String.class).single())
                .as("the expand trigger keeps the old column filled for old instances").isEqualTo("Ada");

        HttpResponse<String> order = post("/orders", "{\"userId\":" + userId + ",\"totalCents\":1250,\"note\":\"gift\"}");
        assertThat(order.statusCode()).isEqualTo(201);
        assertThat(order.body()).contains("\"status\":\"placed\"").contains("\"note\":\"gift\"");

        assertThat(get("/users/" + userId + "/orders").body()).contains("\"totalCents\":1250");
        assertThat(jdbc.sql("SELECT orders FROM user_order_totals WHERE user_id = ?").param(userId)
                .query(Long.class).single()).isEqualTo(1);

        assertThat(delete("/users/" + userId).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?").param(userId).query(Long.class).single())
                .as("ON DELETE CASCADE").isZero();
    }

    @Test
    void probesAreUp() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private boolean columnExists(String table, String column) {
        return jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?")
                .param(table).param(column).query(Long.class).single() == 1;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
