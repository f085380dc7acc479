package dev.migrator.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens the one connection of a run (a DataSource's, or a JDBC URL's). */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
