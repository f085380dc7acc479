package dev.migrator.bench;

import dev.migrator.Migrator;
import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the safety analysis costs, on the generated revisions of the engine benchmark (1,000 by default):
 * an offline lint of all of them (a CI job), a connected analysis with all of them pending, the analysis a
 * start does with {@code migrator.safety=warn} when nothing is pending (next to {@code current()}, the
 * cheapest read of the state), and a measured analysis of the last revisions (scratch database created,
 * built from base, measured, dropped). Medians of warm iterations in one JVM.
 */
public final class SafetyBenchmark {

    private final int revisions = Integer.getInteger("bench.revisions", 1000);
    private final int iterations = Integer.getInteger("bench.iterations", 20);
    private final int measuredPending = Integer.getInteger("bench.measuredPending", 20);
    private final int measuredRounds = Integer.getInteger("bench.measuredRounds", 3);
    private final Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/safety-benchmark.md"));
    private final Report report = new Report();

    public static void main(String[] args) throws Exception {
        new SafetyBenchmark().run();
    }

    private void run() throws Exception {
        RevisionFiles files = RevisionFiles.generate(Files.createTempDirectory("migrator-bench-safety"), revisions);
        String location = "filesystem:" + files.migratorDir();
        try (BenchServer server = BenchServer.start()) {
            report.line("## Safety analysis benchmark");
            report.line("");
            Machine.describe(report);
            report.line("- server: " + server.version() + " — " + server.kind());
            report.line("- revisions: " + revisions + " generated files (`CREATE TABLE` + `CREATE INDEX` each); "
                    + iterations + " iterations after " + Math.max(2, iterations / 5) + " warm-up, median");
            report.line("");
            Db db = server.createDatabase("bench_safety");
            Migrator migrator = Migrator.configure().url(db.url(), db.user(), db.password()).locations(location).load();

            Samples offline = time(() -> migrator.analyze("heads", SafetyOptions.offline()));
            Samples pending = time(() -> migrator.analyze("heads"));
            migrator.upgrade("heads");
            Samples noop = time(() -> migrator.analyze("heads"));
            Samples current = time(migrator::current);

            String target = RevisionFiles.id(revisions - measuredPending);
            server.dropDatabase("bench_safety");
            db = server.createDatabase("bench_safety");
            Migrator partly = Migrator.configure().url(db.url(), db.user(), db.password()).locations(location).load();
            partly.upgrade(target);
            Samples measured = new Samples();
            for (int i = 0; i < measuredRounds; i++) {
                long start = System.nanoTime();
                SafetyReport result = partly.analyze("heads", SafetyOptions.defaults().measured());
                measured.add(System.nanoTime() - start);
                expect(result.measurements().size() == 2 * measuredPending, "measured " + result.measurements().size());
            }
            server.dropDatabase("bench_safety");

            report.table(List.of("case", "median ms", "min ms", "max ms"), List.of(
                    row("offline lint of " + revisions + " revisions", offline),
                    row("connected, " + revisions + " pending", pending),
                    row("connected, nothing pending (startup with migrator.safety=warn)", noop),
                    row("for comparison: current() on the same database", current),
                    row("measured: " + (revisions - measuredPending) + " applied, " + measuredPending + " pending ("
                            + measuredRounds + " rounds)", measured)));
        }
        report.write(out);
    }

    private Samples time(Supplier<?> work) {
        for (int i = 0; i < Math.max(2, iterations / 5); i++) {
            work.get();
        }
        Samples samples = new Samples();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            work.get();
            samples.add(System.nanoTime() - start);
        }
        return samples;
    }

    private static List<String> row(String name, Samples samples) {
        return List.of(name, Samples.ms(samples.median()), Samples.ms(samples.min()), Samples.ms(samples.max()));
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }
}
