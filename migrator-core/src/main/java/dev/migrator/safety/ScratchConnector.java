package dev.migrator.safety;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

/**
 * Opens a connection to another database on the same server as the migrated one: the measured analysis
 * creates a scratch database there and must connect to it. Migrator derives one from its configuration
 * ({@link #forUrl}, {@link #forDataSource}); give your own with {@code SafetyOptions.measuredOn(...)} when
 * the DataSource cannot tell its credentials (a connection pool configured with a JDBC URL, for example).
 */
@FunctionalInterface
public interface ScratchConnector {

    Connection open(String database) throws SQLException;

    /** Connects with the same URL (its database replaced) and credentials. */
    static ScratchConnector forUrl(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return database -> DriverManager.getConnection(withDatabase(url, database), properties);
    }

    /**
     * Connects like {@code dataSource}: a PostgreSQL driver DataSource ({@code PGSimpleDataSource}...) is copied
     * with its database replaced; for any other, the URL and user of one of its connections are reused
     * without a password (which works with trust or peer authentication, and fails otherwise with the
     * server's message).
     */
    static ScratchConnector forDataSource(DataSource dataSource) {
        return database -> {
            if (dataSource.isWrapperFor(BaseDataSource.class)) {
                BaseDataSource base = dataSource.unwrap(BaseDataSource.class);
                PGSimpleDataSource copy = new PGSimpleDataSource();
                copy.setURL(base.getURL());
                copy.setUser(base.getUser());
                copy.setPassword(base.getPassword());
                copy.setDatabaseName(database);
                return copy.getConnection();
            }
            String url;
            String user;
            try (Connection connection = dataSource.getConnection()) {
                url = connection.getMetaData().getURL();
                user = connection.getMetaData().getUserName();
            }
            return forUrl(url, user, null).open(database);
        };
    }

    /** {@code jdbc:postgresql://host:port/db?params} with {@code database} instead of {@code db}. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql:";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql:...): " + url.split("\\?")[0]);
        }
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        String main = query < 0 ? rest : rest.substring(0, query);
        if (main.startsWith("//")) {
            int slash = main.indexOf('/', 2);
            return prefix + (slash < 0 ? main : main.substring(0, slash)) + "/" + database + params;
        }
        return prefix + database + params;
    }
}
