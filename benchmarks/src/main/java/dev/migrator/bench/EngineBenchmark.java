package dev.migrator.bench;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The engine benchmark (issue "The engine", item 8): Migrator, raw JDBC and Flyway on the same generated
 * revisions, interleaved in one run, ratios to raw JDBC.
 *
 * <ol>
 * <li>{@code cold}: apply all revisions to an empty database (a fresh database per contender per round);</li>
 * <li>{@code warm}: no-op run (everything applied) in this warm JVM: configure, load, validate, find nothing
 * pending;</li>
 * <li>{@code process}: the same no-op as a whole fresh {@code java} process, wall time;</li>
 * <li>{@code profile}: statements and commits per revision from {@code pg_stat_statements} and
 * {@code pg_stat_database} (one untimed cold apply and one no-op per contender).</li>
 * </ol>
 * Parameters are system properties; see {@code benchmarks/README.md}.
 */
public final class EngineBenchmark {

    private final int revisions = Integer.getInteger("bench.revisions", 1000);
    private final int coldRounds = Integer.getInteger("bench.coldRounds", 9);
    private final int coldWarmup = Integer.getInteger("bench.coldWarmup", 1);
    private final int warmIterations = Integer.getInteger("bench.warmIterations", 50);
    private final int warmWarmup = Integer.getInteger("bench.warmWarmup", 100);
    private final int processRuns = Integer.getInteger("bench.processRuns", 20);
    private final boolean processCpu = Boolean.getBoolean("bench.processCpu");
    private final List<String> contenders = Stream.of(System.getProperty("bench.contenders", "raw,migrator,indexed,flyway")
            .split(",")).map(key -> Contender.named(key.trim()).name()).collect(Collectors.toList());
    private final Set<String> cases = Set.of(System.getProperty("bench.cases", "cold,warm,process,profile").split(","));
    private final Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/engine-benchmark.md"));

    private final Report report = new Report();

    public static void main(String[] args) throws Exception {
        new EngineBenchmark().run();
    }

    private void run() throws Exception {
        if (!contenders.get(0).equals(RawJdbc.NAME)) {
            throw new IllegalArgumentException("bench.contenders must start with raw (the baseline)");
        }
        Path dir = Files.createTempDirectory("migrator-bench-revisions");
        RevisionFiles files = RevisionFiles.generate(dir, revisions);
        try (BenchServer server = BenchServer.start()) {
            report.line("## Engine benchmark");
            report.line("");
            Machine.describe(report);
            report.line("- server: " + server.version() + " — " + server.kind());
            report.line("- server settings (same server, so identical for every contender): " + server.actualSettings());
            report.line("- revisions: " + revisions + " generated files, each `CREATE TABLE` (3 columns, primary key)"
                    + " + `CREATE INDEX`");
            report.line("- parameters: cold rounds " + coldRounds + " (+" + coldWarmup + " warm-up), warm no-op "
                    + warmIterations + " iterations (+" + warmWarmup + " warm-up), fresh processes " + processRuns
                    + " per contender; contenders interleaved, order rotated every round");
            report.line("");
            if (cases.contains("cold")) {
                cold(server, files);
            }
            if (cases.contains("warm") || cases.contains("process")) {
                List<Db> applied = prepareNoOpDatabases(server, files);
                if (cases.contains("warm")) {
                    warm(applied, files);
                }
                if (cases.contains("process")) {
                    process(applied, files);
                }
            }
            if (cases.contains("profile")) {
                new StatementProfile(server, files, report).run(contenders);
            }
            report.line("- load average at end: " + Machine.load());
        }
        report.write(out);
    }

    /** Round {@code r} starts with contender {@code r mod n}, so no one always runs first (or right after a DROP). */
    private static <T> List<T> rotated(List<T> items, int round) {
        List<T> order = new ArrayList<>(items);
        java.util.Collections.rotate(order, -Math.floorMod(round, items.size()));
        return order;
    }

    private void cold(BenchServer server, RevisionFiles files) throws Exception {
        Map<String, Samples> samples = samplesPerContender();
        for (int round = -coldWarmup; round < coldRounds; round++) {
            for (String name : rotated(contenders, round)) {
                Db db = server.createDatabase("bench_cold");
                Contender contender = Contender.named(name);
                long start = System.nanoTime();
                Contender.Run run = contender.upgrade(db, files);
                long elapsed = System.nanoTime() - start;
                expect(run.applied() == revisions, name + " applied " + run.applied() + " of " + revisions);
                server.dropDatabase(db.name());
                System.out.printf("cold round %d %-9s %s ms%n", round, name, Samples.ms(elapsed));
                if (round >= 0) {
                    samples.get(name).add(elapsed);
                }
            }
        }
        report.line("### 1. Cold apply of " + revisions + " revisions into an empty database");
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        Samples raw = samples.get(RawJdbc.NAME);
        for (String name : contenders) {
            Samples s = samples.get(name);
            rows.add(List.of(name, Samples.ms(s.median()), Samples.ms(s.min()), Samples.ms(s.max()),
                    Samples.ms(s.median() / revisions * 1000) + " µs",
                    Samples.ratio(s.median() / (double) raw.median()), Samples.ratio(s.pairedRatio(raw))));
        }
        report.table(List.of("contender", "median ms", "min ms", "max ms", "per revision", "÷ raw (medians)",
                "÷ raw (median of per-round ratios)"), rows);
    }

    private List<Db> prepareNoOpDatabases(BenchServer server, RevisionFiles files) throws Exception {
        List<Db> dbs = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            Db db = server.createDatabase("bench_noop_" + i);
            Contender.Run run = Contender.named(contenders.get(i)).upgrade(db, files);
            expect(run.applied() == revisions, contenders.get(i) + " applied " + run.applied() + " of " + revisions);
            dbs.add(db);
        }
        return dbs;
    }

    private void warm(List<Db> dbs, RevisionFiles files) throws Exception {
        Map<String, Samples> total = samplesPerContender();
        Map<String, Samples> load = samplesPerContender();
        for (int iteration = -warmWarmup; iteration < warmIterations; iteration++) {
            for (String name : rotated(contenders, iteration)) {
                Db db = dbs.get(contenders.indexOf(name));
                long start = System.nanoTime();
                Contender.Run run = Contender.named(name).upgrade(db, files);
                long elapsed = System.nanoTime() - start;
                expect(run.applied() == 0, name + " applied " + run.applied() + " in a no-op run");
                if (iteration >= 0) {
                    total.get(name).add(elapsed);
                    if (run.loadNanos() >= 0) {
                        load.get(name).add(run.loadNanos());
                    }
                }
            }
        }
        report.line("### 2a. No-op run, warm JVM (" + revisions + " applied, nothing pending)");
        report.line("");
        report.line("Each iteration configures the tool from scratch, loads the " + revisions
                + " files, validates checksums against the database and finds nothing pending.");
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        Samples raw = total.get(RawJdbc.NAME);
        for (String name : contenders) {
            Samples s = total.get(name);
            Samples l = load.get(name);
            rows.add(List.of(name, Samples.ms(s.median()), Samples.ms(s.percentile(90)), Samples.ms(s.min()),
                    l.isEmpty() ? "n/a" : Samples.ms(l.median()),
                    Samples.ratio(s.median() / (double) raw.median()), Samples.ratio(s.pairedRatio(raw))));
        }
        report.table(List.of("contender", "median ms", "p90 ms", "min ms", "of which loading files (median ms)",
                "÷ raw (medians)", "÷ raw (median of per-iteration ratios)"), rows);
        beforeAfter(total, load, "iteration", "wall time");
    }

    /**
     * With a {@link BaselineMigratorContender}: the current build ÷ the baseline build, the same two ratios as
     * above, for the whole run and for loading the files; once per pair present (without and with the index).
     */
    private void beforeAfter(Map<String, Samples> total, Map<String, Samples> load, String round, String measure) {
        for (String baselineName : List.of(BaselineMigratorContender.NAME, BaselineMigratorContender.INDEXED_NAME)) {
            String currentName = ((BaselineMigratorContender) Contender.named(baselineName)).comparedWith();
            Samples after = total.get(currentName);
            Samples before = total.get(baselineName);
            if (after == null || before == null) {
                continue;
            }
            Samples afterLoad = load == null ? null : load.get(currentName);
            Samples beforeLoad = load == null ? null : load.get(baselineName);
            report.line("");
            report.line(currentName + ", current build ÷ baseline build (`bench.baselineJar`), " + measure + ": "
                    + Samples.ratio(after.median() / (double) before.median()) + " (medians), "
                    + Samples.ratio(after.pairedRatio(before)) + " (median of per-" + round + " ratios)"
                    + (afterLoad == null || afterLoad.isEmpty() ? "" : "; loading the files: "
                            + Samples.ratio(afterLoad.median() / (double) beforeLoad.median()) + " (medians), "
                            + Samples.ratio(afterLoad.pairedRatio(beforeLoad)) + " (median of per-" + round + " ratios)")
                    + ".");
            report.line("");
        }
    }

    private void process(List<Db> dbs, RevisionFiles files) throws Exception {
        List<String> names = new ArrayList<>(contenders);
        names.add(NoOpProcess.JVM_ONLY);
        Map<String, Samples> samples = new LinkedHashMap<>();
        Map<String, Samples> cpu = new LinkedHashMap<>();
        names.forEach(n -> samples.put(n, new Samples()));
        names.forEach(n -> cpu.put(n, new Samples()));
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        // One unmeasured round first: page cache, and the server's catalog caches for each database.
        for (int round = -1; round < processRuns; round++) {
            for (String name : rotated(names, round)) {
                Db db = name.equals(NoOpProcess.JVM_ONLY) ? dbs.get(0) : dbs.get(contenders.indexOf(name));
                // The baseline build runs as Migrator in a JVM whose class path has its jar instead of the current
                // one; both builds are then called by the same reflective caller, which links against neither.
                boolean baseline = name.equals(BaselineMigratorContender.NAME)
                        || name.equals(BaselineMigratorContender.INDEXED_NAME);
                boolean indexed = name.equals(MigratorContender.INDEXED_NAME)
                        || name.equals(BaselineMigratorContender.INDEXED_NAME);
                boolean compared = baseline || contenders.contains(indexed ? BaselineMigratorContender.INDEXED_NAME
                        : BaselineMigratorContender.NAME) && name.equals(indexed ? MigratorContender.INDEXED_NAME
                                : MigratorContender.NAME);
                String child = !compared ? name : indexed ? ReflectiveMigrator.INDEXED_NAME : ReflectiveMigrator.NAME;
                ProcessBuilder pb = new ProcessBuilder(java, "-cp",
                        baseline ? BaselineMigratorContender.childClasspath(classpath) : classpath,
                        "-Dbench.child.url=" + db.url(), "-Dbench.child.user=" + db.user(),
                        "-Dbench.child.cpu=" + processCpu, NoOpProcess.class.getName(), child, files.root().toString(),
                        Integer.toString(revisions))
                        .redirectOutput(processCpu ? Redirect.PIPE : Redirect.DISCARD).redirectError(Redirect.INHERIT);
                pb.environment().put("BENCH_PASSWORD", db.password());
                long start = System.nanoTime();
                Process process = pb.start();
                int exit = process.waitFor();
                long elapsed = System.nanoTime() - start;
                expect(exit == 0, name + " process exited with " + exit);
                if (round >= 0) {
                    samples.get(name).add(elapsed);
                    if (processCpu && !name.equals(NoOpProcess.JVM_ONLY)) {
                        String[] lines = new String(process.getInputStream().readAllBytes()).trim().split("\n");
                        cpu.get(name).add(Long.parseLong(lines[lines.length - 1].trim()));
                    }
                }
            }
        }
        report.line("### 2b. No-op run as a fresh process (`java -cp … " + NoOpProcess.class.getSimpleName() + "`)");
        report.line("");
        report.line("Wall time from process start to exit; `" + NoOpProcess.JVM_ONLY
                + "` is the same `java` command whose main returns at once (the JVM's own floor).");
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        Samples raw = samples.get(RawJdbc.NAME);
        Samples floor = samples.get(NoOpProcess.JVM_ONLY);
        for (String name : names) {
            Samples s = samples.get(name);
            rows.add(List.of(name, Samples.ms(s.median()), Samples.ms(s.percentile(90)), Samples.ms(s.min()),
                    Samples.ms(s.median() - floor.median()),
                    Samples.ratio(s.median() / (double) raw.median()), Samples.ratio(s.pairedRatio(raw))));
        }
        report.table(List.of("contender", "median ms", "p90 ms", "min ms", "above JVM floor (median ms)",
                "÷ raw (medians)", "÷ raw (median of per-round ratios)"), rows);
        beforeAfter(samples, null, "round", "wall time");
        if (processCpu) {
            report.line("CPU time of the same processes (all threads, as the process read it before exiting):");
            report.line("");
            List<List<String>> cpuRows = new ArrayList<>();
            for (String name : contenders) {
                Samples s = cpu.get(name);
                cpuRows.add(List.of(name, Samples.ms(s.median()), Samples.ms(s.min()),
                        Samples.ratio(s.median() / (double) cpu.get(RawJdbc.NAME).median()),
                        Samples.ratio(s.pairedRatio(cpu.get(RawJdbc.NAME)))));
            }
            report.table(List.of("contender", "CPU median ms", "CPU min ms", "÷ raw (medians)",
                    "÷ raw (median of per-round ratios)"), cpuRows);
            beforeAfter(cpu, null, "round", "CPU time");
        }
    }

    private Map<String, Samples> samplesPerContender() {
        Map<String, Samples> map = new LinkedHashMap<>();
        contenders.forEach(n -> map.put(n, new Samples()));
        return map;
    }

    static void expect(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
