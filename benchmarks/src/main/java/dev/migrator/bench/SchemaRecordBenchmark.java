package dev.migrator.bench;

import dev.migrator.internal.schema.SchemaReader;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrator.Migrator;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.internal.schema.SchemaSnapshotStore;
import dev.migrator.internal.schema.ServerFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run that applies one small revision costs on a schema of 100 and of 2,000 objects (issue 17,
 * item 2), against the revision's own time, on pooled connections (an application's DataSource):
 *
 * <ul>
 * <li>{@code revision alone}: the revision's statement and its commit on a pooled connection (raw JDBC);</li>
 * <li>{@code Migrator upgrade}: {@code upgrade("heads")} applying that one revision, with everything a run
 * does around it (lock, state, bookkeeping, the schema fingerprint recorded for drift detection);</li>
 * <li>and, on the database Migrator just migrated, the after-run work alone: the fingerprint as Migrator
 * now records it ({@link ServerFingerprint#record}: one statement, computed and stored on the server) and
 * as it did before (the full {@link SchemaSnapshot} read into Java, saved, and the history row updated).</li>
 * </ul>
 * Every round gets fresh databases cloned from a template (outside the clock): the schema, Migrator's tables
 * and a base revision applied, so exactly one revision is pending.
 */
public final class SchemaRecordBenchmark {

    private final List<Integer> sizes = sizes(System.getProperty("bench.objects", "100,2000"));
    private final int rounds = Integer.getInteger("bench.rounds", 15);
    private final int warmup = Integer.getInteger("bench.warmup", 3);
    private final Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/schema-record.md"));
    private final Report report = new Report();

    /** Objects per generated table: the table, 3 columns, the primary key constraint, its index, one more index. */
    private static final int OBJECTS_PER_TABLE = 7;
    private static final String REVISION = "ALTER TABLE s_t1 ADD COLUMN note text";

    public static void main(String[] args) throws Exception {
        new SchemaRecordBenchmark().run();
    }

    private static List<Integer> sizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            sizes.add(Integer.parseInt(part.trim()));
        }
        return sizes;
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("migrator-bench-schema");
        Files.writeString(dir.resolve("0001_base.sql"), "-- Revision: base0001\n-- migrate:upgrade\nCREATE TABLE s_base (id int);\n"
                + "-- migrate:downgrade\nDROP TABLE s_base;\n");
        Files.writeString(dir.resolve("0002_small.sql"), "-- Revision: small0002\n-- Revises: base0001\n-- migrate:upgrade\n"
                + REVISION + ";\n-- migrate:downgrade\nALTER TABLE s_t1 DROP COLUMN note;\n");
        try (BenchServer server = BenchServer.start()) {
            report.line("## One small revision on a large schema");
            report.line("");
            Machine.describe(report);
            report.line("- server: " + server.version() + " — " + server.kind());
            report.line("- schema: tables `s_t<n>` (3 columns, primary key, one more index: " + OBJECTS_PER_TABLE
                    + " schema objects each); the revision: `" + REVISION + "`; " + rounds + " rounds after " + warmup
                    + ", fresh databases per round from a template, pooled connections (HikariCP, warmed before the clock)");
            report.line("");
            List<List<String>> rows = new ArrayList<>();
            for (int objects : sizes) {
                rows.addAll(measure(server, dir, objects));
            }
            report.table(List.of("schema objects", "what", "median ms", "min ms", "p90 ms"), rows);
            report.line("- load average at end: " + Machine.load());
        }
        report.write(out);
    }

    private List<List<String>> measure(BenchServer server, Path dir, int objects) throws Exception {
        int tables = Math.max(1, Math.round(objects / (float) OBJECTS_PER_TABLE));
        String template = "schema_tmpl_" + objects;
        Db tmpl = server.createDatabase(template);
        try (Connection c = tmpl.connect(); Statement s = c.createStatement()) {
            for (int t = 1; t <= tables; t++) {
                s.execute("CREATE TABLE s_t" + t + " (id bigint PRIMARY KEY, name text NOT NULL,"
                        + " created_at timestamptz NOT NULL DEFAULT now())");
                s.execute("CREATE INDEX s_t" + t + "_name ON s_t" + t + " (name)");
            }
        }
        Migrator.configure().url(tmpl.url(), tmpl.user(), tmpl.password()).locations("filesystem:" + dir).load()
                .upgrade("base0001");
        int counted;
        try (Connection c = tmpl.connect()) {
            counted = SchemaReader.read(c, null, "migrator_").objects().size();
        }
        Map<String, Samples> samples = new LinkedHashMap<>();
        for (String what : List.of("revision alone (raw JDBC)", "Migrator upgrade (one revision)",
                "after-run work now: ServerFingerprint.record", "after-run work before: SchemaSnapshot read + save + UPDATE")) {
            samples.put(what, new Samples());
        }
        List<String> names = new ArrayList<>(samples.keySet());
        for (int round = -warmup; round < rounds; round++) {
            boolean migratorFirst = Math.floorMod(round, 2) == 0; // interleaved: who goes first alternates
            long raw = 0;
            long migrator = 0;
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == migratorFirst) {
                    migrator = migratorRun(server, template, dir, samples, round);
                } else {
                    raw = rawRun(server, template);
                }
            }
            System.out.printf("%d objects round %d: raw %s ms, Migrator %s ms%n", counted, round, Samples.ms(raw), Samples.ms(migrator));
            if (round >= 0) {
                samples.get(names.get(0)).add(raw);
                samples.get(names.get(1)).add(migrator);
            }
        }
        server.dropDatabase(template);
        List<List<String>> rows = new ArrayList<>();
        for (String what : names) {
            Samples s = samples.get(what);
            rows.add(List.of(String.format(Locale.ROOT, "%,d", counted), what, Samples.ms(s.median()), Samples.ms(s.min()),
                    Samples.ms(s.percentile(90))));
        }
        Samples raw = samples.get(names.get(0));
        Samples migrator = samples.get(names.get(1));
        long fixed = migrator.median() - Math.round(1.2 * raw.median());
        rows.add(List.of(String.format(Locale.ROOT, "%,d", counted), "**Migrator − 1.2 × revision alone** (target ≤ 30 ms)",
                "**" + Samples.ms(fixed) + "**", "", ""));
        return rows;
    }

    /** The revision's statement and commit on a warmed pooled connection. */
    private static long rawRun(BenchServer server, String template) throws Exception {
        Db db = clone(server, template, "schema_raw");
        try (HikariDataSource pool = pool(db)) {
            long start = System.nanoTime();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute(REVISION);
                c.commit();
                c.setAutoCommit(true);
            }
            return System.nanoTime() - start;
        } finally {
            server.dropDatabase(db.name());
        }
    }

    /** Migrator's run, then (untimed for it) the after-run work alone, both ways, on the migrated database. */
    private static long migratorRun(BenchServer server, String template, Path dir, Map<String, Samples> samples, int round)
            throws Exception {
        Db db = clone(server, template, "schema_migrator");
        try (HikariDataSource pool = pool(db)) {
            Migrator migrator = Migrator.configure().dataSource(pool).locations("filesystem:" + dir).load();
            long start = System.nanoTime();
            int applied = migrator.upgrade("heads").applied();
            long elapsed = System.nanoTime() - start;
            EngineBenchmark.expect(applied == 1, "Migrator applied " + applied);
            List<String> names = new ArrayList<>(samples.keySet());
            try (Connection c = pool.getConnection()) {
                SchemaSnapshotStore store = new SchemaSnapshotStore("public", "migrator_");
                long t0 = System.nanoTime();
                ServerFingerprint.record(c, "public", "migrator_", store, "public.migrator_history",
                        "(SELECT max(run_id) FROM public.migrator_history)");
                long t1 = System.nanoTime();
                SchemaSnapshot snapshot = SchemaReader.read(c, "public", "migrator_");
                store.save(c, snapshot);
                try (PreparedStatement update = c.prepareStatement("UPDATE public.migrator_history SET schema_fingerprint = ?"
                        + " WHERE id = (SELECT max(id) FROM public.migrator_history WHERE run_id ="
                        + " (SELECT max(run_id) FROM public.migrator_history))")) {
                    update.setString(1, snapshot.fingerprint());
                    update.executeUpdate();
                }
                long t2 = System.nanoTime();
                if (round >= 0) {
                    samples.get(names.get(2)).add(t1 - t0);
                    samples.get(names.get(3)).add(t2 - t1);
                }
            }
            return elapsed;
        } finally {
            server.dropDatabase(db.name());
        }
    }

    private static Db clone(BenchServer server, String template, String name) throws Exception {
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        }
        Db db = server.database(name);
        // A database that has seen a session, as an application's has: its first backend writes the relation
        // cache's init file, which a copied database lacks. The pool's sessions are then new, as at start-up.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT count(*) FROM pg_class");
        }
        return db;
    }

    private static HikariDataSource pool(Db db) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection warm = pool.getConnection(); Statement s = warm.createStatement()) {
            s.execute("SELECT 1"); // the pool is open and a connection established before any clock starts
        }
        return pool;
    }
}
