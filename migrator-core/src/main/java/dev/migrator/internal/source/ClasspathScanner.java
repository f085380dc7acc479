package dev.migrator.internal.source;

import dev.migrator.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what a {@code classpath:} location holds in every class path root that has it: {@code .sql}
 * files and the names of classes in the corresponding package (sub-packages included).
 *
 * <p>Roots come from {@link ClassLoader#getResources}: {@code file:} URLs are directories
 * ({@code target/classes}); {@code jar:} URLs are read through their {@link JarURLConnection}'s
 * {@link JarFile}, which also covers a Spring Boot fat jar ({@code jar:nested:...!/BOOT-INF/classes/!/db/migrations}),
 * whose handler returns the nested jar. A jar must contain directory entries (Maven, Gradle and
 * Spring Boot write them) for {@code getResources} to find a directory in it.
 */
final class ClasspathScanner {

    private static final Logger log = LoggerFactory.getLogger(ClasspathScanner.class);

    /** @param found false when no class path root holds the location at all */
    record Contents(List<SqlResource> sqlFiles, Set<String> classNames, boolean found) {}

    private final Location location;
    private final List<SqlResource> sqlFiles = new ArrayList<>();
    private final Set<String> classNames = new TreeSet<>();

    private ClasspathScanner(Location location) {
        this.location = location;
    }

    static Contents scan(ClassLoader classLoader, Location location) {
        ClasspathScanner scanner = new ClasspathScanner(location);
        Set<String> roots = new LinkedHashSet<>(); // a loader may report the same root twice
        try {
            Enumeration<URL> urls = classLoader.getResources(location.path());
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (roots.add(url.toExternalForm())) {
                    scanner.scanRoot(url);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, "Cannot read migration location \"" + location + "\" from the class path: "
                    + e.getMessage() + ".", e);
        }
        // Stable order whatever the roots' order on disk: by relative path (ties keep root order).
        java.util.Collections.sort(scanner.sqlFiles);
        return new Contents(List.copyOf(scanner.sqlFiles), scanner.classNames, !roots.isEmpty());
    }

    private void scanRoot(URL url) throws IOException {
        if ("file".equals(url.getProtocol())) {
            scanDirectory(toPath(url));
            return;
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            scanJar(url, jar);
            return;
        }
        log.warn("Migration location {}: cannot list {} (unsupported URL protocol \"{}\"); its files are skipped.",
                location, url, url.getProtocol());
    }

    private void scanDirectory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return; // a file named like the location, not a directory of migrations
        }
        List<DirectoryWalker.FoundFile> found = DirectoryWalker.unsorted(root); // the SQL files are sorted below, after all roots
        List<SqlResource> indexed = IndexedRoot.inDirectory(location, root, found);
        if (indexed != null) {
            sqlFiles.addAll(indexed);
        }
        for (DirectoryWalker.FoundFile file : found) {
            String relative = file.relativePath();
            if (relative.endsWith(".sql")) {
                if (indexed == null) {
                    sqlFiles.add(SqlResource.onDisk(relative, location.source(relative), file.path()));
                }
            } else {
                addClassName(relative);
            }
        }
    }

    private void scanJar(URL url, JarURLConnection connection) throws IOException {
        // Not cached: the JarFile is ours to close, and an application jar is not kept open by a scan.
        connection.setUseCaches(false);
        String entryName = connection.getEntryName();
        String prefix = entryName == null || entryName.isEmpty() ? "" : (entryName.endsWith("/") ? entryName : entryName + "/");
        try (JarFile jar = connection.getJarFile()) {
            List<JarEntry> entries = new ArrayList<>();
            Enumeration<JarEntry> all = jar.entries();
            while (all.hasMoreElements()) {
                JarEntry entry = all.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    entries.add(entry);
                }
            }
            entries.sort(Comparator.comparing(JarEntry::getName));
            List<SqlResource> indexed = IndexedRoot.inJar(location, jar, prefix, entries, url);
            if (indexed != null) {
                sqlFiles.addAll(indexed);
            }
            for (JarEntry entry : entries) {
                String relative = entry.getName().substring(prefix.length());
                if (relative.endsWith(".sql")) {
                    if (indexed != null) {
                        continue;
                    }
                    try (InputStream in = jar.getInputStream(entry)) {
                        sqlFiles.add(SqlResource.read(relative, location.source(relative), in.readAllBytes()));
                    }
                } else {
                    addClassName(relative);
                }
            }
        }
    }

    private void addClassName(String relative) {
        if (!relative.endsWith(".class") || relative.endsWith("module-info.class") || relative.endsWith("package-info.class")) {
            return;
        }
        String inPackage = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        classNames.add(location.packageName() + "." + inPackage);
    }

    private Path toPath(URL url) {
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, "Migration location \"" + location + "\": cannot read " + url + " ("
                    + e.getMessage() + ").", e);
        }
    }
}
