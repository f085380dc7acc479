package dev.migrator.testsupport;

import dev.migrator.test.database.ScratchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A fresh, empty database on the test JVM's {@link PostgresServer}. Closing it drops it
 * (terminating whatever sessions a test left behind).
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final ScratchDatabase database;

    private TestDatabase(PostgresServer server, ScratchDatabase database) {
        this.server = server;
        this.database = database;
    }

    public static TestDatabase create() {
        PostgresServer server = PostgresServer.get();
        return new TestDatabase(server, server.jdbcServer().createDatabase("t"));
    }

    public String name() {
        return database.name();
    }

    public String url() {
        return server.urlFor(name());
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** A non-pooled DataSource: every {@code getConnection()} opens a real session. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user());
        props.setProperty("password", password());
        return DriverManager.getConnection(url(), props);
    }

    /** Runs one statement in its own session (autocommit). */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql}, or null when there is no row. */
    public Object queryValue(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    public long count(String sql) {
        Object value = queryValue(sql);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public boolean tableExists(String table) {
        return queryValue("SELECT to_regclass('" + table.replace("'", "''") + "')") != null;
    }

    @Override
    public void close() {
        database.close();
    }
}
