package dev.migrator.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds {@code *.sql} files below a {@code filesystem:} location, recursively, sorted by relative path. */
final class FilesystemScanner {

    private FilesystemScanner() {}

    static List<SqlResource> scan(Location location) {
        Path root = Paths.get(location.path());
        if (!Files.isDirectory(root)) {
            throw new RevisionLoadException("Migration location \"" + location + "\" "
                    + (Files.exists(root) ? "is not a directory" : "does not exist")
                    + " (resolved to " + root.toAbsolutePath() + "). Create the directory or fix the "
                    + "location; a relative path is relative to the working directory.");
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sqlFiles = files
                    .filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> relative(root, p)))
                    .toList();
            List<SqlResource> resources = new ArrayList<>(sqlFiles.size());
            for (Path file : sqlFiles) {
                String relative = relative(root, file);
                resources.add(new SqlResource(relative, location.source(relative), Files.readAllBytes(file)));
            }
            return resources;
        } catch (IOException | UncheckedIOException e) {
            throw new RevisionLoadException("Cannot read migration location \"" + location + "\": " + e.getMessage()
                    + ". Check that the files are readable.", e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
