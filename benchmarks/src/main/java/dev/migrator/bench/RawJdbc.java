package dev.migrator.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The lower bound: the least a correct migration tool must do, written straight against JDBC. One
 * connection; a session advisory lock; create the bookkeeping table if missing; read it; read and
 * SHA-256 every file (Migrator's files, so the bytes are the same); fail on a changed checksum; then per
 * pending revision its statements one by one, one bookkeeping INSERT and one commit.
 */
final class RawJdbc implements Contender {

    static final String NAME = "raw JDBC";
    private static final long LOCK_KEY = 0x6d6967726174L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Run upgrade(Db db, RevisionFiles files) throws Exception {
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
                try {
                    return migrate(c, s, files);
                } finally {
                    c.setAutoCommit(true);
                    s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        }
    }

    private static Run migrate(Connection c, Statement s, RevisionFiles files) throws Exception {
        s.execute("CREATE TABLE IF NOT EXISTS raw_history (version int PRIMARY KEY, checksum char(64) NOT NULL,"
                + " applied_at timestamptz NOT NULL DEFAULT now())");
        Map<Integer, String> applied = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT version, checksum FROM raw_history")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }

        long loadStart = System.nanoTime();
        List<Path> paths;
        try (Stream<Path> list = Files.list(files.migratorDir())) {
            paths = list.filter(p -> p.toString().endsWith(".sql")).sorted().collect(Collectors.toList());
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String[] checksums = new String[paths.size()];
        byte[][] contents = new byte[paths.size()][];
        for (int i = 0; i < paths.size(); i++) {
            contents[i] = Files.readAllBytes(paths.get(i));
            checksums[i] = HexFormat.of().formatHex(sha.digest(contents[i]));
            String recorded = applied.get(i + 1);
            if (recorded != null && !recorded.equals(checksums[i])) {
                throw new IllegalStateException("checksum changed: " + paths.get(i));
            }
        }
        long loadNanos = System.nanoTime() - loadStart;

        int count = 0;
        c.setAutoCommit(false);
        try (PreparedStatement record = c.prepareStatement("INSERT INTO raw_history (version, checksum) VALUES (?, ?)")) {
            for (int i = 0; i < paths.size(); i++) {
                if (applied.containsKey(i + 1)) {
                    continue;
                }
                for (String statement : upgradeStatements(new String(contents[i], StandardCharsets.UTF_8))) {
                    s.execute(statement);
                }
                record.setInt(1, i + 1);
                record.setString(2, checksums[i]);
                record.executeUpdate();
                c.commit();
                count++;
            }
        } catch (Exception e) {
            c.rollback();
            throw e;
        }
        return new Run(count, loadNanos);
    }

    /** The generated files' upgrade section, one statement per line ending in ';' (enough for these files). */
    private static List<String> upgradeStatements(String file) {
        int from = file.indexOf("-- migrate:upgrade\n") + "-- migrate:upgrade\n".length();
        int to = file.indexOf("-- migrate:downgrade");
        return Stream.of(file.substring(from, to).split(";\n"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .collect(Collectors.toList());
    }
}
