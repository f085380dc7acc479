package dev.migrator.commands.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a project keeps what the tools read: its resource directories (SQL revisions of {@code classpath:}
 * locations, the Spring Boot configuration), its compiled classes (Java revisions) and further class path
 * entries (jars that may hold revisions too).
 *
 * <p>SQL revisions of a {@code classpath:} location are read from the resource <em>sources</em>, not from the
 * build output: a revision just written (or edited) counts before the next build, and the copy in
 * {@code target/classes} is never seen twice. Java revisions can only come from compiled classes.
 *
 * @param project false outside a Maven or Gradle project (then only {@code filesystem:} locations and the
 *     given class path are read)
 */
public record ProjectLayout(Path baseDirectory, boolean project, List<Path> resourceDirectories,
        List<Path> classDirectories, List<Path> classpath) {

    public ProjectLayout {
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
        resourceDirectories = List.copyOf(resourceDirectories);
        classDirectories = List.copyOf(classDirectories);
        classpath = List.copyOf(classpath);
    }

    /**
     * The conventions of the build in {@code directory}: Maven ({@code pom.xml}: {@code src/main/resources},
     * {@code target/classes}), Gradle ({@code build.gradle[.kts]}: {@code src/main/resources},
     * {@code build/classes/java/main}), or a directory with {@code src/main/resources} read like Maven.
     */
    public static ProjectLayout detect(Path directory, List<Path> extraClasspath) {
        Path base = directory.toAbsolutePath().normalize();
        Path resources = base.resolve("src/main/resources");
        boolean gradle = Files.isRegularFile(base.resolve("build.gradle")) || Files.isRegularFile(base.resolve("build.gradle.kts"));
        boolean maven = Files.isRegularFile(base.resolve("pom.xml"));
        if (!maven && !gradle && !Files.isDirectory(resources)) {
            return new ProjectLayout(base, false, List.of(), List.of(), absolute(base, extraClasspath));
        }
        List<Path> classes = new ArrayList<>();
        if (gradle && !maven) {
            classes.add(base.resolve("build/classes/java/main"));
            classes.add(base.resolve("build/classes/kotlin/main"));
        } else {
            classes.add(base.resolve("target/classes"));
        }
        return new ProjectLayout(base, true, List.of(resources), classes, absolute(base, extraClasspath));
    }

    /** The source tree of Java revisions: {@code src/main/java}. */
    public Path javaSourceDirectory() {
        return baseDirectory.resolve("src/main/java");
    }

    /** Whether the compiled classes exist (a project not built yet has none, so no Java revision is seen). */
    public boolean compiled() {
        return classDirectories.stream().anyMatch(Files::isDirectory);
    }

    private static List<Path> absolute(Path base, List<Path> paths) {
        return paths.stream().map(p -> base.resolve(p).toAbsolutePath().normalize()).toList();
    }
}
