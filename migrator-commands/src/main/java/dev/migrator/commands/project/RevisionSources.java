package dev.migrator.commands.project;

import dev.migrator.ErrorCode;
import dev.migrator.Migration;
import dev.migrator.MigratorException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configured locations as this project holds them: a {@code classpath:db/migrations} location is read
 * from each resource directory that has {@code db/migrations} (as {@code filesystem:} locations) and from the
 * extra class path; a relative {@code filesystem:} location is relative to the project directory; Java
 * revisions come from the compiled classes ({@link JavaRevisionScanner}). Also says where a new revision goes.
 */
public final class RevisionSources implements AutoCloseable {

    private final ProjectLayout layout;
    private final List<String> configured;
    private final List<String> locations = new ArrayList<>();
    private final URLClassLoader classes;
    private final URLClassLoader extraClasspath;
    private List<Migration> javaRevisions;

    public RevisionSources(ProjectLayout layout, List<String> configuredLocations) {
        this.layout = layout;
        this.configured = List.copyOf(configuredLocations);
        ClassLoader parent = RevisionSources.class.getClassLoader();
        List<Path> classPath = new ArrayList<>(layout.classDirectories());
        classPath.addAll(layout.classpath());
        this.classes = new URLClassLoader("migrator-project", urls(classPath), parent);
        // classpath: locations are scanned in the extra entries only: the project's own resources are read
        // from their sources, and their copies in the build output must not count twice
        this.extraClasspath = new URLClassLoader("migrator-classpath", urls(layout.classpath()), classes);
        for (String location : configured) {
            Location parsed = Location.of(location);
            if (parsed.classpath()) {
                for (Path resources : layout.resourceDirectories()) {
                    Path directory = resources.resolve(parsed.path());
                    if (Files.isDirectory(directory)) {
                        locations.add("filesystem:" + directory);
                    }
                }
                if (!layout.classpath().isEmpty() || !layout.project()) {
                    locations.add("classpath:" + parsed.path());
                }
            } else {
                locations.add("filesystem:" + layout.baseDirectory().resolve(parsed.path()).normalize());
            }
        }
    }

    /** The locations to give the engine. */
    public List<String> locations() {
        return List.copyOf(locations);
    }

    /** The class loader the engine scans {@code classpath:} locations with. */
    public ClassLoader classLoader() {
        return extraClasspath;
    }

    /** The {@code @Revision} classes among the project's compiled classes, created once. */
    public List<Migration> javaRevisions() {
        if (javaRevisions == null) {
            javaRevisions = JavaRevisionScanner.scan(layout.classDirectories(), classes);
        }
        return javaRevisions;
    }

    /** Where {@code revision} writes a new SQL file: the first configured location, as a directory of this project. */
    public Path newRevisionDirectory() {
        Location first = Location.of(configured.get(0));
        if (!first.classpath()) {
            return layout.baseDirectory().resolve(first.path()).normalize();
        }
        if (layout.resourceDirectories().isEmpty()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Cannot write a revision into \"" + configured.get(0)
                    + "\": outside a Maven or Gradle project a classpath: location has no directory to write to. Run the "
                    + "command in the project's directory, or configure a filesystem: location (migrator.locations).");
        }
        return layout.resourceDirectories().get(0).resolve(first.path());
    }

    /** The source directory and package of a new Java revision: the first {@code classpath:} location's package. */
    public JavaTarget newJavaRevisionTarget() {
        for (String location : configured) {
            Location parsed = Location.of(location);
            if (parsed.classpath() && layout.project()) {
                String packageName = parsed.path().replace('/', '.');
                return new JavaTarget(layout.javaSourceDirectory().resolve(parsed.path()), packageName);
            }
        }
        throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Cannot write a Java revision: it needs a project "
                + "(pom.xml or build.gradle) and a classpath: location whose package it goes in; the locations are "
                + configured + ". Run the command in the project's directory.");
    }

    /** A new Java revision's directory and package. */
    public record JavaTarget(Path directory, String packageName) {}

    @Override
    public void close() {
        try {
            extraClasspath.close();
            classes.close();
        } catch (IOException e) {
            // nothing was written through these loaders; a failed close leaks at most an open jar until exit
        }
    }

    private static URL[] urls(List<Path> paths) {
        List<URL> urls = new ArrayList<>();
        for (Path path : paths) {
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Invalid class path entry " + path + ": "
                        + e.getMessage(), e);
            }
        }
        return urls.toArray(new URL[0]);
    }

    /** A configured location, parsed the way the engine parses it (a bare path means classpath:). */
    record Location(boolean classpath, String path) {
        static Location of(String text) {
            String value = text.strip();
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.startsWith("filesystem:")) {
                return new Location(false, value.substring("filesystem:".length()).strip());
            }
            String path = lower.startsWith("classpath:") ? value.substring("classpath:".length()) : value;
            path = path.strip().replace('\\', '/').replaceAll("^/+|/+$", "");
            return new Location(true, path);
        }
    }
}
