package dev.migrator.test.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A database a test created on a {@link DatabaseServer} and drops when it is closed (terminating the
 * sessions a test left open). Created empty, or as a copy of another scratch database with
 * {@code CREATE DATABASE ... TEMPLATE}, which copies files instead of replaying what built them.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DatabaseServer server;
    private final String name;
    private final DataSource dataSource;

    private ScratchDatabase(DatabaseServer server, String name) {
        this.server = server;
        this.name = name;
        this.dataSource = server.dataSource(name);
    }

    /**
     * A new database named {@code <namePrefix>_<pid>_<n>}, empty or a copy of {@code template}.
     *
     * @param namePrefix lowercase letters, digits and underscores
     * @param template   a database on the same server with no open session, or null for an empty one
     */
    static ScratchDatabase create(DatabaseServer server, String namePrefix, String template) {
        Objects.requireNonNull(server, "server");
        if (!namePrefix.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("Database name prefix must be lowercase letters, digits and _: " + namePrefix);
        }
        String name = namePrefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(server, "CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        return new ScratchDatabase(server, name);
    }

    /**
     * A new database with this one's content. No session may be open on this database meanwhile
     * (PostgreSQL waits up to 5 s for closing ones to go, then fails).
     */
    public ScratchDatabase copy(String namePrefix) {
        return create(server, namePrefix, name);
    }

    public String name() {
        return name;
    }

    public DatabaseServer server() {
        return server;
    }

    /** Opens a new session per {@code getConnection()}: nothing stays connected between uses. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Drops the database, terminating the sessions still on it. */
    @Override
    public void close() {
        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Override
    public String toString() {
        return "database " + name + " on " + server.description();
    }

    private static void execute(DatabaseServer server, String sql) {
        try (Connection c = server.openAdminConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + server.description() + ": " + e.getMessage()
                    + " [SQLSTATE " + e.getSQLState() + "]. The login needs the CREATEDB privilege.", e);
        }
    }
}
