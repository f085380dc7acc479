package dev.migrator.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the time goes, counted by the server: for each contender one (untimed for the figures above)
 * cold apply and one no-op run, with the statements it executed ({@code pg_stat_statements}, utility
 * statements included) and the transactions it committed ({@code pg_stat_database.xact_commit}).
 */
final class StatementProfile {

    private static final int TOP = 12;
    /** The generated revisions' own statements: they name a table {@code bench_t<n>}. */
    private static final String OWN = "query ~ '^(CREATE (TABLE|INDEX)|DROP TABLE) .*bench_t[0-9]'";

    private final BenchServer server;
    private final RevisionFiles files;
    private final Report report;

    StatementProfile(BenchServer server, RevisionFiles files, Report report) {
        this.server = server;
        this.files = files;
        this.report = report;
    }

    /**
     * @param statements every statement the server executed for the run
     * @param revisionStatements the revisions' own statements (those naming a generated table); the rest is
     *     the tool's bookkeeping
     */
    record Counts(long wallNanos, long statements, long revisionStatements, long commits, double serverMs,
            double revisionServerMs, List<String> top) {}

    void run(List<String> contenders) throws Exception {
        try (Connection admin = server.admin(); Statement s = admin.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> details = new ArrayList<>();
        int n = files.count();
        for (int i = 0; i < contenders.size(); i++) {
            String name = contenders.get(i);
            Db db = server.createDatabase("bench_profile_" + i);
            Counts cold = measure(name, db, n);
            Counts noop = measure(name, db, 0);
            server.dropDatabase(db.name());
            rows.add(row(name, "cold apply", cold, n));
            rows.add(row(name, "no-op", noop, n));
            details.add("**" + name + ", cold apply** — the tool's own statements (not the revisions'), most frequent first:");
            details.add("");
            details.addAll(cold.top());
            details.add("");
            details.add("**" + name + ", no-op** — statements, most frequent first:");
            details.add("");
            details.addAll(noop.top());
            details.add("");
        }
        report.line("### Where the time goes: statements and commits (server-side counts)");
        report.line("");
        report.line("One extra cold apply and one no-op per contender, counted by `pg_stat_statements`"
                + " (`track_utility=on`, so `BEGIN`/`COMMIT`/`SET` count; statements the driver sends in the same"
                + " network round trip count separately) and `pg_stat_database.xact_commit` (includes autocommit"
                + " statements). Server time is the sum of `total_exec_time`: the rest of the wall time is the client,"
                + " the driver and the network round trips.");
        report.line("");
        report.table(List.of("contender", "run", "wall ms", "statements", "of which the revisions' own",
                "other statements / revision", "commits", "commits / revision", "server exec ms (revisions' own)"), rows);
        for (String line : details) {
            report.line(line);
        }
    }

    private static List<String> row(String name, String run, Counts c, int revisions) {
        return List.of(name, run, Samples.ms(c.wallNanos()), Long.toString(c.statements()),
                Long.toString(c.revisionStatements()),
                String.format(Locale.ROOT, "%.2f", (c.statements() - c.revisionStatements()) / (double) revisions),
                Long.toString(c.commits()), String.format(Locale.ROOT, "%.2f", c.commits() / (double) revisions),
                String.format(Locale.ROOT, "%.0f (%.0f)", c.serverMs(), c.revisionServerMs()));
    }

    private Counts measure(String name, Db db, int expectApplied) throws Exception {
        try (Connection admin = server.admin(); Statement s = admin.createStatement()) {
            waitForNoBackends(s, db.name());
            long commitsBefore = commits(admin, db.name());
            s.execute("SELECT pg_stat_statements_reset()");
            long start = System.nanoTime();
            Contender.Run run = Contender.named(name).upgrade(db, files);
            long wall = System.nanoTime() - start;
            EngineBenchmark.expect(run.applied() == expectApplied, name + " applied " + run.applied());
            waitForNoBackends(s, db.name());
            long commits = commits(admin, db.name()) - commitsBefore;
            long statements;
            long revisionStatements;
            double serverMs;
            double revisionServerMs;
            List<String> top = new ArrayList<>();
            String dbFilter = " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)";
            try (PreparedStatement ps = admin.prepareStatement("SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0),"
                    + " coalesce(sum(calls) FILTER (WHERE " + OWN + "), 0),"
                    + " coalesce(sum(total_exec_time) FILTER (WHERE " + OWN + "), 0)" + dbFilter)) {
                ps.setString(1, db.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    statements = rs.getLong(1);
                    serverMs = rs.getDouble(2);
                    revisionStatements = rs.getLong(3);
                    revisionServerMs = rs.getDouble(4);
                }
            }
            try (PreparedStatement ps = admin.prepareStatement("SELECT calls, total_exec_time, query" + dbFilter
                    + " AND NOT " + OWN + " ORDER BY calls DESC, total_exec_time DESC LIMIT " + TOP)) {
                ps.setString(1, db.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String query = rs.getString(3).replaceAll("\\s+", " ").replace("|", "\\|");
                        if (query.length() > 110) {
                            query = query.substring(0, 107) + "...";
                        }
                        top.add(String.format(Locale.ROOT, "- %d × (%.0f ms) `%s`", rs.getLong(1), rs.getDouble(2),
                                query.replace("`", "'")));
                    }
                }
            }
            return new Counts(wall, statements, revisionStatements, commits, serverMs, revisionServerMs, top);
        }
    }

    /** Backends flush their statistics when they exit; wait until the contender's sessions are gone. */
    private static void waitForNoBackends(Statement s, String database) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sessions on " + database + " did not end within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    private static long commits(Connection admin, String database) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
        }
        try (PreparedStatement ps = admin.prepareStatement(
                "SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
