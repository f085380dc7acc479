package dev.migrator.testsupport;

import dev.migrator.test.database.JdbcServer;
import dev.migrator.test.database.TestServers;

/**
 * The one PostgreSQL server of this test JVM.
 *
 * <p>By default an embedded server started from Maven artifacts (no local installation needed);
 * when {@code MIGRATOR_TEST_JDBC_URL} is set, that server instead ({@code MIGRATOR_TEST_JDBC_USER}
 * and {@code MIGRATOR_TEST_JDBC_PASSWORD} give the credentials). Tests never share a database:
 * they ask {@link TestDatabase#create()} for a fresh one on this server. The server itself is
 * migrator-test-database's {@link TestServers#defaultServer()}, the same users' tests get from
 * migrator-test.
 */
public final class PostgresServer {

    private static volatile PostgresServer instance;

    private final JdbcServer server;

    private PostgresServer(JdbcServer server) {
        this.server = server;
    }

    /** The server, started on first use and stopped when the JVM exits. */
    public static PostgresServer get() {
        PostgresServer server = instance;
        if (server == null) {
            synchronized (PostgresServer.class) {
                server = instance;
                if (server == null) {
                    server = new PostgresServer(TestServers.defaultServer());
                    instance = server;
                }
            }
        }
        return server;
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** JDBC URL of {@code database} on this server, keeping the server URL's parameters. */
    public String urlFor(String database) {
        return server.urlFor(database);
    }

    JdbcServer jdbcServer() {
        return server;
    }
}
