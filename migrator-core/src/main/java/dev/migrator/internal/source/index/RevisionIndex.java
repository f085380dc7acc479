package dev.migrator.internal.source.index;

import java.util.List;
import java.util.Objects;

/**
 * The build-time index of one migration location: every SQL revision file below it, with its header,
 * size and checksum. Written by {@link RevisionIndexWriter} as {@value #FILE_NAME} in the location's
 * directory; when the loader finds it there, a start-up reads this one resource instead of every file,
 * and reads a file only when its revision runs.
 *
 * @param location the location the index was built for, e.g. {@code classpath:db/migrations} (for messages)
 * @param files    sorted by relative path, as the loader orders files
 */
public record RevisionIndex(String location, List<IndexedFile> files) {

    /** The index's file name, directly in the location's directory. */
    public static final String FILE_NAME = "migrator.index";

    public RevisionIndex {
        Objects.requireNonNull(location, "location");
        files = List.copyOf(files);
    }
}
