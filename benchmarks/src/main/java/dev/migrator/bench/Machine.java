package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the figures depend on besides the code: cores, memory, load, JVM. */
final class Machine {

    private Machine() {}

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} prints them. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    static void describe(Report report) {
        report.line("- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), "
                + memory() + " memory, load average at start " + load() + " (1, 5, 15 min)");
        report.line("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", default flags");
    }
}
