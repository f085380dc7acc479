package dev.migrator.internal.execute;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections from a JDBC URL. A PostgreSQL URL goes straight to PostgreSQL's driver, which Migrator
 * depends on: {@code DriverManager} would first look up every driver on the class path, a service lookup
 * that opens every jar, paid by a fresh process before its first connection. Any other URL (a driver that
 * wraps PostgreSQL's, such as {@code jdbc:p6spy:postgresql:}) goes through {@code DriverManager}.
 */
public final class UrlConnectionSource implements ConnectionSource {

    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    private final String url;
    private final Properties properties;

    /** @param properties the driver's properties (user, password), not copied: owned by this source from now on */
    public UrlConnectionSource(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    @Override
    public Connection open() throws SQLException {
        if (url.startsWith(POSTGRESQL_PREFIX)) {
            Connection connection = PostgresqlDriver.INSTANCE.connect(url, properties);
            if (connection != null) {
                return connection;
            }
        }
        return DriverManager.getConnection(url, properties);
    }

    /** Created on first use, by whichever thread opens the first connection (usually {@link EarlyConnection}'s). */
    private static final class PostgresqlDriver {
        static final Driver INSTANCE = new org.postgresql.Driver();
    }
}
