package dev.migrator.internal.source;

import dev.migrator.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Finds {@code *.sql} files below a {@code filesystem:} location, recursively, sorted by relative path. */
final class FilesystemScanner {

    private FilesystemScanner() {}

    static List<SqlResource> scan(Location location) {
        Path root = Paths.get(location.path());
        if (!Files.isDirectory(root)) {
            throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, "Migration location \"" + location + "\" "
                    + (Files.exists(root) ? "is not a directory" : "does not exist")
                    + " (resolved to " + root.toAbsolutePath() + "). Create the directory or fix the "
                    + "location; a relative path is relative to the working directory.");
        }
        try {
            List<DirectoryWalker.FoundFile> found = DirectoryWalker.unsorted(root);
            List<SqlResource> indexed = IndexedRoot.inDirectory(location, root, found);
            if (indexed != null) {
                return indexed; // in the index's order, which is file order
            }
            java.util.Collections.sort(found);
            List<SqlResource> resources = new ArrayList<>();
            for (DirectoryWalker.FoundFile file : found) {
                if (file.relativePath().endsWith(".sql")) {
                    resources.add(SqlResource.onDisk(file.relativePath(), location.source(file.relativePath()), file.path()));
                }
            }
            return resources;
        } catch (IOException | UncheckedIOException e) {
            throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, "Cannot read migration location \"" + location + "\": " + e.getMessage()
                    + ". Check that the files are readable.", e);
        }
    }
}
