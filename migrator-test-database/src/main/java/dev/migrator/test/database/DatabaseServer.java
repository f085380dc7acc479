package dev.migrator.test.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL server on which tests create and drop their own databases: the embedded one
 * ({@link TestServers#embedded()}), any server reached by JDBC URL ({@link JdbcServer}), or one derived
 * from an application's DataSource (migrator-test's Spring support).
 *
 * <p>The login needs the {@code CREATEDB} privilege: every test database is created, and dropped, by
 * the tests themselves ({@link ScratchDatabase}).
 */
public interface DatabaseServer {

    /** A new session on a database that always exists (where {@code CREATE DATABASE} is issued). */
    Connection openAdminConnection() throws SQLException;

    /** A DataSource for {@code database} on this server that opens a new session per {@code getConnection()}. */
    DataSource dataSource(String database);

    /** Where the server is, for messages: never a password. */
    String description();

    /** A new, empty database whose name starts with {@code namePrefix}. */
    default ScratchDatabase createDatabase(String namePrefix) {
        return ScratchDatabase.create(this, namePrefix, null);
    }
}
