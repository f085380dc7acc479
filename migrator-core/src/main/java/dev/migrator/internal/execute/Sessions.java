package dev.migrator.internal.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Small helpers for session settings. */
final class Sessions {

    private Sessions() {}

    /** Sets {@code lock_timeout} for the session (or the transaction, when one is open); returns the previous value. */
    static String setLockTimeout(Connection connection, Duration timeout) throws SQLException {
        return setting(connection, "lock_timeout", timeout.toMillis() + "ms");
    }

    /** Sets a setting with {@code set_config}, local to the open transaction if there is one; returns the previous value. */
    static String setting(Connection connection, String name, String value) throws SQLException {
        String previous;
        try (PreparedStatement get = connection.prepareStatement("SELECT current_setting(?)")) {
            get.setString(1, name);
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                previous = rs.getString(1);
            }
        }
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, ?)")) {
            set.setString(1, name);
            set.setString(2, value);
            set.setBoolean(3, !connection.getAutoCommit());
            set.execute();
        }
        return previous;
    }
}
