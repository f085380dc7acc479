package dev.migrator.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Issue "The operations API", item 5: updating every row of a big table in keyset batches (one commit per
 * batch) versus one {@code UPDATE}, while a second connection keeps updating single random rows of the same
 * table. Reports throughput, the longest time one batch held its row locks and the concurrent writer's
 * latency. Each contender gets a freshly loaded table in its own database, so none inherits another's dead
 * rows. Parameters are system properties; see {@code benchmarks/README.md}.
 */
public final class BatchUpdateBenchmark {

    private final long rows = Long.getLong("bench.rows", 10_000_000L);
    private final int batchSize = Integer.getInteger("bench.batchSize", 1000);
    private final int rounds = Integer.getInteger("bench.batchRounds", 1);
    private final int writerRate = Integer.getInteger("bench.writerRate", 200);
    private final List<String> contenders = Stream.of(System.getProperty("bench.batchContenders",
            String.join(",", BatchContender.ALL)).split(",")).map(String::trim).collect(Collectors.toList());
    private final Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/batch-update-benchmark.md"));
    private final Report report = new Report();

    public static void main(String[] args) throws Exception {
        new BatchUpdateBenchmark().run();
    }

    /** One way of running {@code UPDATE bench_rows SET v = v + 1} over every row. */
    interface BatchContender {

        List<String> ALL = List.of(SingleUpdate.NAME, KeysetJdbc.NAME, MigratorBatchUpdate.NAME);

        String name();

        /** Runs the update; returns each commit's transaction duration in nanoseconds (the row-lock hold times). */
        List<Long> run(Db db, int batchSize) throws Exception;

        static BatchContender named(String name) {
            switch (name) {
                case SingleUpdate.NAME:
                    return new SingleUpdate();
                case KeysetJdbc.NAME:
                    return new KeysetJdbc();
                case MigratorBatchUpdate.NAME:
                    return new MigratorBatchUpdate();
                default:
                    throw new IllegalArgumentException("unknown contender " + name + "; known: " + ALL);
            }
        }
    }

    /** The naive way: one statement, one transaction, every row locked until the end. */
    static final class SingleUpdate implements BatchContender {
        static final String NAME = "single UPDATE";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<Long> run(Db db, int batchSize) throws SQLException {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                long start = System.nanoTime();
                s.executeUpdate("UPDATE bench_rows SET v = v + 1");
                return List.of(System.nanoTime() - start);
            }
        }
    }

    /** The lower bound for batching: one keyset-window statement and one commit per batch, nothing else. */
    static final class KeysetJdbc implements BatchContender {
        static final String NAME = "keyset JDBC loop";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<Long> run(Db db, int batchSize) throws SQLException {
            List<Long> batches = new ArrayList<>();
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                // A key range (index range scan), not a join with the window: a join may scan the whole table per batch.
                try (PreparedStatement ps = c.prepareStatement("WITH done AS (UPDATE bench_rows SET v = v + 1"
                        + " WHERE id > ? AND id <= (SELECT max(id) FROM (SELECT id FROM bench_rows WHERE id > ?"
                        + " ORDER BY id LIMIT ?) w) RETURNING id) SELECT max(id), count(*) FROM done")) {
                    long cursor = Long.MIN_VALUE;
                    while (true) {
                        long start = System.nanoTime();
                        ps.setLong(1, cursor);
                        ps.setLong(2, cursor);
                        ps.setInt(3, batchSize);
                        long count;
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            cursor = rs.getLong(1);
                            count = rs.getLong(2);
                        }
                        c.commit();
                        if (count == 0) {
                            break;
                        }
                        batches.add(System.nanoTime() - start);
                    }
                }
            }
            return batches;
        }
    }

    private void run() throws Exception {
        try (BenchServer server = BenchServer.start()) {
            report.line("## batchUpdate benchmark");
            report.line("");
            Machine.describe(report);
            report.line("- server: " + server.version() + " — " + server.kind());
            report.line("- server settings (identical for every contender): " + server.actualSettings());
            report.line(String.format(Locale.ROOT, "- table: `bench_rows(id bigint PRIMARY KEY, v bigint, payload text)`,"
                    + " %,d rows, freshly loaded and vacuumed per contender; update `SET v = v + 1` on every row;"
                    + " batch size %d; %d round(s), contenders interleaved", rows, batchSize, rounds));
            report.line("- concurrent writer: a second connection in autocommit runs `UPDATE bench_rows SET payload = …"
                    + " WHERE id = <random>` at " + writerRate + " updates/s (open loop) for the whole update; its latency"
                    + " is measured from each update's scheduled time, so updates queued behind a blocked one count"
                    + " their wait");
            report.line("");
            Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
            contenders.forEach(n -> outcomes.put(n, new ArrayList<>()));
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(contenders);
                java.util.Collections.rotate(order, -round);
                for (String name : order) {
                    Db db = server.createDatabase("bench_batch");
                    load(db);
                    Outcome outcome = measure(BatchContender.named(name), db);
                    server.dropDatabase(db.name());
                    System.out.printf(Locale.ROOT, "round %d %-18s %s%n", round, name, outcome);
                    outcomes.get(name).add(outcome);
                }
            }
            List<List<String>> table = new ArrayList<>();
            // throughput as a share of the single UPDATE's (the target: batchUpdate >= 60%), same round
            List<Outcome> single = outcomes.getOrDefault(SingleUpdate.NAME, List.of());
            for (Map.Entry<String, List<Outcome>> e : outcomes.entrySet()) {
                for (int r = 0; r < e.getValue().size(); r++) {
                    Outcome o = e.getValue().get(r);
                    String share = r < single.size()
                            ? String.format(Locale.ROOT, "%.0f%%", 100.0 * single.get(r).elapsedNanos / o.elapsedNanos) : "n/a";
                    table.add(List.of(e.getKey(), Samples.ms(o.elapsedNanos),
                            String.format(Locale.ROOT, "%,.0f", rows / (o.elapsedNanos / 1e9)), share,
                            Integer.toString(o.batches.size()), Samples.ms(o.batches.median()),
                            Samples.ms(o.batches.max()), String.format(Locale.ROOT, "%,d", o.writer.size()),
                            o.writer.isEmpty() ? "n/a" : Samples.ms(o.writer.median()),
                            o.writer.isEmpty() ? "n/a" : Samples.ms(o.writer.percentile(99)),
                            o.writer.isEmpty() ? "n/a" : Samples.ms(o.writer.max())));
                }
            }
            report.table(List.of("contender", "total ms", "rows/s", "of single UPDATE's rows/s", "commits", "median commit ms",
                    "longest lock hold ms", "writer updates", "writer p50 ms", "writer p99 ms", "writer max ms"), table);
            report.line("- load average at end: " + Machine.load());
        }
        report.write(out);
    }

    private void load(Db db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_rows (id bigint PRIMARY KEY, v bigint NOT NULL DEFAULT 0, payload text NOT NULL)");
            s.execute("INSERT INTO bench_rows (id, payload) SELECT g, 'row ' || g FROM generate_series(1, " + rows + ") g");
            s.execute("VACUUM ANALYZE bench_rows");
            s.execute("CHECKPOINT");
        }
    }

    record Outcome(long elapsedNanos, Samples batches, Samples writer) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s ms, %d commits, longest %s ms, writer %d updates p50 %s p99 %s ms",
                    Samples.ms(elapsedNanos), batches.size(), Samples.ms(batches.max()), writer.size(),
                    writer.isEmpty() ? "-" : Samples.ms(writer.median()),
                    writer.isEmpty() ? "-" : Samples.ms(writer.percentile(99)));
        }
    }

    private Outcome measure(BatchContender contender, Db db) throws Exception {
        AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
        Samples writer = new Samples();
        AtomicReference<RuntimeException> writerFailure = new AtomicReference<>();
        Connection writerConnection = db.connect();
        Thread writerThread = new Thread(() -> {
            try {
                write(writerConnection, stopAt, writer);
            } catch (RuntimeException e) {
                writerFailure.set(e);
            }
        }, "concurrent-writer");
        writerThread.start();
        long start = System.nanoTime();
        List<Long> commits = contender.run(db, batchSize);
        long elapsed = System.nanoTime() - start;
        stopAt.set(System.nanoTime());
        writerThread.join();
        writerConnection.close();
        if (writerFailure.get() != null) {
            throw writerFailure.get();
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE v = 1), count(*) FROM bench_rows")) {
            rs.next();
            EngineBenchmark.expect(rs.getLong(1) == rows && rs.getLong(2) == rows, contender.name() + " updated "
                    + rs.getLong(1) + " of " + rows + " rows exactly once");
        }
        Samples batches = new Samples();
        commits.forEach(batches::add);
        return new Outcome(elapsed, batches, writer);
    }

    /**
     * An application's writes at a fixed rate (open loop): each update has a scheduled time, and its latency
     * is measured from that time, so updates queued behind a blocked one count their wait too (no
     * coordinated omission: a writer that is blocked does not get to skip its schedule).
     */
    private void write(Connection c, AtomicLong stopAt, Samples latencies) {
        long interval = 1_000_000_000L / writerRate;
        try (PreparedStatement ps = c.prepareStatement("UPDATE bench_rows SET payload = 'written ' || ? WHERE id = ?")) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long scheduled = System.nanoTime();
            // Every update scheduled before the contender finished is issued, including the backlog of a blocked writer.
            while (scheduled < stopAt.get()) {
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue; // re-check stop and the clock
                }
                long id = 1 + random.nextLong(rows);
                ps.setLong(1, id);
                ps.setLong(2, id);
                ps.executeUpdate();
                latencies.add(System.nanoTime() - scheduled); // read by the main thread only after join()
                scheduled += interval;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("concurrent writer failed: " + e.getMessage(), e);
        }
    }
}
