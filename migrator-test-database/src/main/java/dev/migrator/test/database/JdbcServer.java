package dev.migrator.test.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A server reached by a JDBC URL ({@code jdbc:postgresql://host:port/database?params}) and a login.
 * The URL's database is the administrative one; other databases get the same URL with their name
 * (and the same parameters). The password is kept for connecting only: {@link #toString()} and
 * {@link #description()} never show it.
 */
public final class JdbcServer implements DatabaseServer {

    private static final String PREFIX = "jdbc:postgresql://";

    private final String adminUrl;
    private final String user;
    private final String password;

    private JdbcServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * @param adminUrl a {@code jdbc:postgresql://} URL naming a database that exists (for example {@code postgres})
     * @param password may be null or empty (trust authentication)
     */
    public static JdbcServer of(String adminUrl, String user, String password) {
        Objects.requireNonNull(adminUrl, "adminUrl");
        int slash = adminUrl.startsWith(PREFIX) ? adminUrl.indexOf('/', PREFIX.length()) : -1;
        if (slash < 0) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database: '" + withoutParameters(adminUrl)
                    + "'. Expected jdbc:postgresql://host[:port]/database[?parameters].");
        }
        return new JdbcServer(adminUrl, user, password == null ? "" : password);
    }

    public String user() {
        return user;
    }

    /** The login's password: for building connections only, never for printing. */
    public String password() {
        return password;
    }

    /** JDBC URL of {@code database} on this server, keeping the server URL's parameters. */
    public String urlFor(String database) {
        int slash = adminUrl.indexOf('/', PREFIX.length());
        int query = adminUrl.indexOf('?', slash);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return adminUrl.substring(0, slash + 1) + database + params;
    }

    @Override
    public Connection openAdminConnection() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        props.setProperty("password", password);
        return DriverManager.getConnection(adminUrl, props);
    }

    @Override
    public DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(urlFor(database));
        if (user != null) {
            ds.setUser(user);
        }
        ds.setPassword(password);
        return ds;
    }

    @Override
    public String description() {
        return withoutParameters(adminUrl) + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return "JdbcServer[" + description() + "]";
    }

    /** Parameters may carry a password ({@code ?password=...}): messages show the URL without them. */
    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
