package dev.migrator.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Spring Boot application's time to ready (issue 17, item 3): the same app ({@code benchmarks/boot-app}:
 * web, actuator, Hikari, PostgreSQL) started as a fresh process with Migrator's starter, with Boot's own
 * Flyway integration, and with no migration tool, on the same generated SQL, interleaved; cold (empty
 * database) and no-op (everything applied). Time to ready is the wall time from starting {@code java}
 * to the app's {@code READY} line, printed on {@code ApplicationReadyEvent}.
 */
public final class TimeToReadyBenchmark {

    private final int revisions = Integer.getInteger("bench.revisions", 1000);
    private final int noopRuns = Integer.getInteger("bench.noopRuns", 15);
    private final int coldRuns = Integer.getInteger("bench.coldRuns", 5);
    private final Set<String> cases = Set.of(System.getProperty("bench.cases", "noop,cold").split(","));
    private final Path module = Path.of(System.getProperty("bench.bootApp", "benchmarks/boot-app"));
    private final Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/time-to-ready.md"));
    private final Report report = new Report();

    /** One way of starting the app; {@code args} are extra application arguments. */
    private record Contender(String name, BootApp.Tool tool, Path migrations, boolean touchDatabase, List<String> args) {
        Contender(String name, BootApp.Tool tool, Path migrations, boolean touchDatabase) {
            this(name, tool, migrations, touchDatabase, List.of());
        }
    }

    public static void main(String[] args) throws Exception {
        new TimeToReadyBenchmark().run();
    }

    private void run() throws Exception {
        BootApp app = BootApp.built(module);
        Path dir = Files.createTempDirectory("migrator-bench-boot");
        RevisionFiles files = RevisionFiles.generate(dir, revisions);
        Path indexedJar = BootApp.migrationsJar(files.indexedDir(), "db/migrations", dir.resolve("migrator-indexed.jar"));
        Path plainJar = BootApp.migrationsJar(files.migratorDir(), "db/migrations", dir.resolve("migrator.jar"));
        Path flywayJar = BootApp.migrationsJar(files.flywayDir(), "db/migration", dir.resolve("flyway.jar"));
        List<Contender> all = List.of(
                new Contender("no tool", BootApp.Tool.NONE, null, false),
                new Contender("no tool + SELECT 1", BootApp.Tool.NONE, null, true),
                new Contender("Migrator", BootApp.Tool.MIGRATOR, indexedJar, false),
                // the startup run beside the context's start (opt-in; issue 17, item 3)
                new Contender("Migrator (concurrent)", BootApp.Tool.MIGRATOR, indexedJar, false,
                        List.of("--migrator.startup.concurrent=true")),
                new Contender("Migrator (no index)", BootApp.Tool.MIGRATOR, plainJar, false),
                new Contender("Flyway", BootApp.Tool.FLYWAY, flywayJar, false));
        // -Dbench.contenders=a,b (names as in the table, e.g. "no tool,Migrator"): a shorter run; the two no-tool
        // contenders are always kept, every difference is taken to them
        Set<String> chosen = Set.of(System.getProperty("bench.contenders", String.join(",", all.stream().map(Contender::name).toList())).split(","));
        List<Contender> contenders = all.stream()
                .filter(c -> c.tool() == BootApp.Tool.NONE || chosen.contains(c.name())).toList();
        try (BenchServer server = BenchServer.start()) {
            report.line("## Time to ready of a Spring Boot application");
            report.line("");
            Machine.describe(report);
            report.line("- server: " + server.version() + " — " + server.kind());
            report.line("- app: `benchmarks/boot-app` (" + app.versionOf("spring-boot") + ", " + app.versionOf("flyway-core") + ", web + actuator + Hikari), " + revisions + " revisions in a jar on its class path; Migrator "
                    + "(index and no index) from `classpath:db/migrations`, Flyway (the version Boot manages) from "
                    + "`classpath:db/migration`");
            report.line("- class path per contender: the app's, without " + app.excluded(BootApp.Tool.NONE)
                    + " for no tool, without the other tool's jars for each tool");
            report.line("");
            if (cases.contains("noop")) {
                noop(server, app, contenders);
            }
            if (cases.contains("cold")) {
                cold(server, app, contenders);
            }
            report.line("- load average at end: " + Machine.load());
        }
        report.write(out);
    }

    private void noop(BenchServer server, BootApp app, List<Contender> contenders) throws Exception {
        Map<String, Db> dbs = new LinkedHashMap<>();
        for (Contender c : contenders) {
            Db db = server.createDatabase("ready_noop_" + dbs.size());
            if (c.tool() != BootApp.Tool.NONE) {
                start(app, c, db); // applies everything: from now on a start is a no-op
            }
            dbs.put(c.name(), db);
        }
        Map<String, Samples> samples = samples(contenders);
        for (int round = -1; round < noopRuns; round++) {
            for (Contender c : rotated(contenders, round)) {
                long nanos = start(app, c, dbs.get(c.name()));
                System.out.printf("no-op round %d %-22s %s ms (CPU %s ms)%n", round, c.name(), Samples.ms(nanos), Samples.ms(lastCpuNanos));
                if (round >= 0) {
                    samples.get(c.name()).add(nanos);
                    cpu.computeIfAbsent("noop " + c.name(), k -> new Samples()).add(lastCpuNanos);
                }
            }
        }
        table("noop", "No-op start (all " + revisions + " revisions applied): " + noopRuns + " fresh processes per contender, after one unmeasured round",
                contenders, samples);
    }

    private void cold(BenchServer server, BootApp app, List<Contender> contenders) throws Exception {
        Map<String, Samples> samples = samples(contenders);
        for (int round = 0; round < coldRuns; round++) {
            for (Contender c : rotated(contenders, round)) {
                Db db = server.createDatabase("ready_cold");
                long nanos = start(app, c, db);
                server.dropDatabase(db.name());
                System.out.printf("cold round %d %-22s %s ms (CPU %s ms)%n", round, c.name(), Samples.ms(nanos), Samples.ms(lastCpuNanos));
                samples.get(c.name()).add(nanos);
                cpu.computeIfAbsent("cold " + c.name(), k -> new Samples()).add(lastCpuNanos);
            }
        }
        table("cold", "Cold start (empty database: the tools apply all " + revisions + " revisions): " + coldRuns
                + " fresh processes per contender", contenders, samples);
    }

    private void table(String key, String title, List<Contender> contenders, Map<String, Samples> samples) {
        report.line("### " + title);
        report.line("");
        Samples none = samples.get("no tool");
        Samples touched = samples.get("no tool + SELECT 1");
        List<List<String>> rows = new ArrayList<>();
        for (Contender c : contenders) {
            Samples s = samples.get(c.name());
            rows.add(List.of(c.name(), Samples.ms(s.median()), Samples.ms(s.min()), Samples.ms(s.percentile(90)),
                    Samples.ms(s.median() - none.median()), Samples.ms(s.pairedDifference(none)),
                    Samples.ms(s.pairedDifference(touched)), Samples.ratio(s.pairedRatio(none)),
                    Samples.ms(cpu.get(key + " " + c.name()).median()),
                    Samples.ms(cpu.get(key + " " + c.name()).pairedDifference(cpu.get(key + " no tool")))));
        }
        report.table(List.of("contender", "median ms", "min ms", "p90 ms", "added over no tool (medians) ms",
                "added over no tool (median of per-round differences) ms",
                "added over no tool + SELECT 1 (per-round) ms", "÷ no tool (per-round)", "CPU to ready (median ms)",
                "CPU added over no tool (per-round) ms"), rows);
    }

    /** CPU time (all threads) each contender's process had used when it got ready, nanoseconds; less sensitive to load than wall time. */
    private final Map<String, Samples> cpu = new LinkedHashMap<>();

    /** Starts the app, returns the wall time to its READY line, waits for it to exit. */
    private long start(BootApp app, Contender c, Db db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", app.classpath(c.tool(), c.migrations())));
        if (c.touchDatabase()) {
            command.add("-Dbench.touchDatabase=true");
        }
        command.addAll(List.of("dev.migrator.bench.boot.BenchApplication",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user()));
        command.addAll(c.args());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
        long start = System.nanoTime();
        Process process = pb.start();
        long ready = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (ready < 0 && line.startsWith("READY ")) {
                    ready = System.nanoTime() - start;
                    lastCpuNanos = Long.parseLong(line.split(" ")[2]) * 1_000_000;
                } else if (output.length() < 200_000) {
                    output.append(line).append('\n');
                }
            }
        }
        int exit = process.waitFor();
        if (ready < 0 || exit != 0) {
            throw new IllegalStateException(c.name() + " did not get ready (exit " + exit + "):\n" + output);
        }
        return ready;
    }

    private long lastCpuNanos;

    private static Map<String, Samples> samples(List<Contender> contenders) {
        Map<String, Samples> map = new LinkedHashMap<>();
        contenders.forEach(c -> map.put(c.name(), new Samples()));
        return map;
    }

    private static <T> List<T> rotated(List<T> items, int round) {
        List<T> order = new ArrayList<>(items);
        java.util.Collections.rotate(order, -Math.floorMod(round, items.size()));
        return order;
    }
}
