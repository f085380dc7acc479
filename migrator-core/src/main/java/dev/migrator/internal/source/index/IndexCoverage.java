package dev.migrator.internal.source.index;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an index still describes its location: the same {@code .sql} files with the same sizes, and
 * the same content for any file modified after the index was written. Names and sizes come with the
 * listing, so the common case opens no file; a file newer than the index (an edit in a development
 * checkout, an IDE copying a resource) is read and hashed, so an edit that keeps the size is caught too,
 * and a file merely touched is not an error.
 *
 * <p>What is not caught here: a file edited to the same size and given an older modification time than
 * the index, or an edited jar entry (jar times are not compared). Such a file is still checked against
 * the index's checksum whenever its revision runs; {@code RevisionIndexWriter.check} compares every file.
 */
public final class IndexCoverage {

    private static final int LISTED_PROBLEMS = 20;

    /** Reads and hashes one file of the location, on the rare occasion it is newer than the index. */
    @FunctionalInterface
    public interface Rehash {
        String checksumOf(String relativePath);
    }

    private IndexCoverage() {}

    /**
     * @param where         the index as messages name it, e.g. {@code classpath:db/migrations/migrator.index}
     * @param listed        every {@code .sql} file below the location in the index's root
     * @param indexModified the index's modification time in milliseconds, or -1 to compare no times
     * @throws MigratorException {@link ErrorCode#REVISION_INDEX_STALE} naming every difference
     */
    public static void check(RevisionIndex index, String where, List<ListedFile> listed, long indexModified, Rehash rehash) {
        Map<String, IndexedFile> byPath = new HashMap<>(index.files().size() * 2);
        for (IndexedFile file : index.files()) {
            byPath.put(file.relativePath(), file);
        }
        List<String> problems = new ArrayList<>();
        for (ListedFile file : listed) {
            IndexedFile indexed = byPath.remove(file.relativePath());
            if (indexed == null) {
                problems.add(file.relativePath() + " is not in the index (added after it was built)");
            } else if (indexed.size() != file.size()) {
                problems.add(file.relativePath() + " has " + file.size() + " bytes, the index says " + indexed.size()
                        + " (edited after the index was built)");
            } else if (indexModified >= 0 && file.lastModified() > indexModified) {
                String now = rehash.checksumOf(file.relativePath());
                if (!now.equals(indexed.checksum())) {
                    problems.add(file.relativePath() + " was edited after the index was built (checksum " + now
                            + ", the index says " + indexed.checksum() + ")");
                }
            }
        }
        for (IndexedFile missing : index.files()) {
            if (byPath.containsKey(missing.relativePath())) {
                problems.add(missing.relativePath() + " is in the index but not in the location (removed or renamed)");
            }
        }
        if (!problems.isEmpty()) {
            throw stale(where, problems);
        }
    }

    private static MigratorException stale(String where, List<String> problems) {
        StringBuilder message = new StringBuilder("The revision index ").append(where)
                .append(" does not match the files next to it, so it cannot be trusted:");
        for (int i = 0; i < Math.min(LISTED_PROBLEMS, problems.size()); i++) {
            message.append("\n  ").append(problems.get(i));
        }
        if (problems.size() > LISTED_PROBLEMS) {
            message.append("\n  ... and ").append(problems.size() - LISTED_PROBLEMS).append(" more");
        }
        message.append("\nRebuild the index (run the build: the migrator:index goal, bound to process-classes, writes it; "
                + "an IDE that copies resources does not), or delete it to load the files without an index.");
        return new MigratorException(ErrorCode.REVISION_INDEX_STALE, message.toString());
    }
}
