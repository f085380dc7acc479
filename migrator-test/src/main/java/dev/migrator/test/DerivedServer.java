package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.test.database.DatabaseServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The server behind an application's DataSource. Scratch databases get DataSources derived from it
 * with Spring Boot's {@link DataSourceBuilder#derivedFrom}: same driver and login, another database in
 * the URL, no pool (a pooled connection would keep a template busy). The credentials never pass
 * through migrator-test's hands.
 */
final class DerivedServer implements DatabaseServer {

    private final DataSource application;
    private final String url;
    private final String user;
    private final String password;

    private DerivedServer(DataSource application, String url, String user, String password) {
        this.application = application;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** @param user and {@code password}: a login other than the DataSource's ({@code migrator.user}), or null */
    static DerivedServer of(DataSource application, String user, String password) {
        try (Connection connection = application.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            if (!"PostgreSQL".equals(meta.getDatabaseProductName())) {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "migrator-test needs PostgreSQL, but the application's DataSource is "
                        + meta.getDatabaseProductName() + ". In a test slice (@JdbcTest, @DataJpaTest) add"
                        + " @AutoConfigureTestDatabase(replace = Replace.NONE) so the slice keeps your PostgreSQL.");
            }
            String url = meta.getURL();
            if (url == null || !url.startsWith("jdbc:postgresql://") || url.indexOf('/', "jdbc:postgresql://".length()) < 0) {
                String shown = url == null || url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "migrator-test cannot tell the database in the application's JDBC URL "
                        + shown + ": expected jdbc:postgresql://host[:port]/database[?parameters]");
            }
            return new DerivedServer(application, url, user, password);
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "migrator-test could not connect through the application's DataSource: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Connection openAdminConnection() throws SQLException {
        Connection connection = user == null ? application.getConnection() : dataSource(currentDatabase()).getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    @Override
    public DataSource dataSource(String database) {
        DataSourceBuilder<SimpleDriverDataSource> builder = DataSourceBuilder.derivedFrom(application)
                .type(SimpleDriverDataSource.class)
                .url(urlFor(database));
        if (user != null) {
            builder.username(user).password(password);
        }
        return builder.build();
    }

    @Override
    public String description() {
        int query = url.indexOf('?');
        return "the server of the application's DataSource (" + (query < 0 ? url : url.substring(0, query)) + ")";
    }

    private String urlFor(String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private String currentDatabase() {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    }
}
