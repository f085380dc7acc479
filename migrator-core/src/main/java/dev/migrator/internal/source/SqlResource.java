package dev.migrator.internal.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code .sql} file found in a location. A file on disk is read when it is parsed (one file's bytes at a
 * time in memory); an entry of a jar is read while the jar is open; a file described by a revision index is
 * not read at all here (its revision comes from the index).
 *
 * @param relativePath '/'-separated path below the location, the sort key
 * @param source       the name used in messages, e.g. {@code classpath:db/migrations/0001_init.sql}
 * @param path         the file to read, or null when {@code bytes} are given
 * @param bytes        the content already read, or null
 * @param indexed      the revision as the location's index describes it, or null when the file is to be parsed
 */
record SqlResource(String relativePath, String source, Path path, byte[] bytes, LoadedRevision indexed)
        implements Comparable<SqlResource> {

    static SqlResource onDisk(String relativePath, String source, Path path) {
        return new SqlResource(relativePath, source, path, null, null);
    }

    static SqlResource read(String relativePath, String source, byte[] bytes) {
        return new SqlResource(relativePath, source, null, bytes, null);
    }

    static SqlResource indexed(String relativePath, String source, LoadedRevision revision) {
        return new SqlResource(relativePath, source, null, null, revision);
    }

    /** By relative path: the order revisions are loaded in. */
    @Override
    public int compareTo(SqlResource other) {
        return relativePath.compareTo(other.relativePath);
    }

    byte[] content() {
        if (bytes != null) {
            return bytes;
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RevisionLoadException(source + ": cannot read the file (" + e + "). Check that it is readable "
                    + "by the user the application runs as.", e);
        }
    }
}
