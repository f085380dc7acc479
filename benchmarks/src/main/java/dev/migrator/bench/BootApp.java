package dev.migrator.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The time-to-ready benchmark's application ({@code benchmarks/boot-app}) as each contender runs it: the
 * app's class path minus the other tool's jars, plus a jar holding the contender's migrations (as an
 * application jar would, at each tool's default location).
 */
final class BootApp {

    /** Jars of Migrator's starter (and what only it brings). */
    private static final List<String> MIGRATOR_JARS = List.of("migrator-spring-boot-starter", "migrator-spring-boot-autoconfigure",
            "migrator-core");
    /** Jars of Boot's Flyway integration. */
    private static final List<String> FLYWAY_JARS = List.of("spring-boot-starter-flyway", "spring-boot-flyway", "flyway-core",
            "flyway-database-postgresql");

    enum Tool { NONE, MIGRATOR, FLYWAY }

    private final List<String> classpath;

    private BootApp(List<String> classpath) {
        this.classpath = classpath;
    }

    /** The app as built by {@code ./mvnw -Pbenchmarks package}: its classes and {@code target/classpath.txt}. */
    static BootApp built(Path module) throws IOException {
        Path classpathFile = module.resolve("target/classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build with ./mvnw -q -B -Pbenchmarks "
                    + "-pl benchmarks,benchmarks/boot-app -am package -DskipTests");
        }
        List<String> entries = new ArrayList<>();
        entries.add(module.resolve("target/classes").toAbsolutePath().toString());
        entries.addAll(List.of(Files.readString(classpathFile).strip().split(java.io.File.pathSeparator)));
        return new BootApp(entries);
    }

    /** The class path for {@code tool}: the other tool's jars (or both) left out, {@code migrations} added. */
    String classpath(Tool tool, Path migrations) {
        List<String> kept = new ArrayList<>();
        for (String entry : classpath) {
            boolean migrator = isOneOf(entry, MIGRATOR_JARS);
            boolean flyway = isOneOf(entry, FLYWAY_JARS);
            if ((migrator && tool != Tool.MIGRATOR) || (flyway && tool != Tool.FLYWAY)) {
                continue;
            }
            kept.add(entry);
        }
        if (migrations != null) {
            kept.add(migrations.toString());
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    /** The file name of an artifact's jar on the class path, e.g. {@code spring-boot-4.1.1.jar}. */
    String versionOf(String artifact) {
        for (String entry : classpath) {
            String file = Path.of(entry).getFileName().toString();
            if (file.matches(java.util.regex.Pattern.quote(artifact) + "-[0-9].*\\.jar")) {
                return file;
            }
        }
        return artifact + " (not found)";
    }

    /** What {@link #classpath} leaves out for {@code tool}, for the report. */
    List<String> excluded(Tool tool) {
        List<String> out = new ArrayList<>();
        for (String entry : classpath) {
            boolean migrator = isOneOf(entry, MIGRATOR_JARS);
            boolean flyway = isOneOf(entry, FLYWAY_JARS);
            if ((migrator && tool != Tool.MIGRATOR) || (flyway && tool != Tool.FLYWAY)) {
                out.add(Path.of(entry).getFileName().toString());
            }
        }
        return out;
    }

    private static boolean isOneOf(String entry, List<String> artifacts) {
        String file = Path.of(entry).getFileName().toString();
        for (String artifact : artifacts) {
            if (file.startsWith(artifact + "-") && file.endsWith(".jar")) {
                return true;
            }
        }
        return false;
    }

    /** A jar holding every {@code .sql} file (and a revision index, if any) of {@code dir} under {@code prefix}. */
    static Path migrationsJar(Path dir, String prefix, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.list(dir)) {
            String path = "";
            for (String part : prefix.split("/")) {
                path += part + "/";
                out.putNextEntry(new JarEntry(path)); // directory entries, as Maven writes them
            }
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                out.putNextEntry(new JarEntry(prefix + "/" + file.getFileName()));
                Files.copy(file, (OutputStream) out);
            }
        }
        return jar;
    }
}
