package dev.migrator.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** One database of the benchmark server. */
record Db(String name, String url, String user, String password) {

    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(url, props);
    }

    @Override
    public String toString() {
        return name + " (" + url + ")"; // never the password
    }
}
