package dev.migrator.internal.source.index;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.source.DirectoryWalker;
import dev.migrator.internal.source.LoadedRevision;
import dev.migrator.internal.source.RevisionBody;
import dev.migrator.internal.source.RevisionLoadException;
import dev.migrator.internal.source.RevisionLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link RevisionIndex} of a location at build time: reads every {@code .sql} file below the
 * location's directory, checks each completely (the same parse and checks as loading without an index,
 * every problem of every file reported at once, plus ids used twice within the location), and writes
 * {@value RevisionIndex#FILE_NAME} into that directory. Nothing is written when a file has a problem.
 *
 * <p>Called by the Maven plugin's {@code index} goal, by {@code dev.migrator.IndexGenerator} (a plain {@code main}
 * for other build tools), or directly.
 */
public final class RevisionIndexWriter {

    private RevisionIndexWriter() {}

    /**
     * @param directory the location's directory, e.g. {@code target/classes/db/migrations}
     * @param location  how the location is configured, e.g. {@code classpath:db/migrations}; names files in messages
     * @throws RevisionLoadException listing every problem of every file
     * @throws MigratorException {@link ErrorCode#LOCATION_INVALID} when the directory cannot be read
     */
    public static RevisionIndex build(Path directory, String location) {
        String prefix = sourcePrefix(location);
        List<DirectoryWalker.FoundFile> found = list(directory, location);
        List<IndexedFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<RevisionLoadException> failures = new ArrayList<>();
        Map<String, String> sourceById = new HashMap<>();
        for (DirectoryWalker.FoundFile file : found) {
            String source = prefix + file.relativePath();
            byte[] content;
            try {
                content = Files.readAllBytes(file.path());
            } catch (IOException e) {
                throw new MigratorException(ErrorCode.LOCATION_INVALID, source + ": cannot read the file (" + e
                        + "). Check that it is readable.", e);
            }
            LoadedRevision revision;
            try {
                revision = RevisionLoader.parseSqlFile(source, content);
            } catch (RevisionLoadException e) {
                failures.add(e);
                problems.addAll(e.problems());
                continue;
            }
            String other = sourceById.putIfAbsent(revision.id(), source);
            if (other != null) {
                problems.add(source + ": revision id " + revision.id() + " is already used by " + other
                        + ". Give one of them a new id (ids are unique across all locations).");
                continue;
            }
            files.add(entry(file, content.length, revision));
        }
        if (!problems.isEmpty()) {
            RevisionLoadException error = new RevisionLoadException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems in " + location + " (no index was written; fix them all, then build again):\n  "
                            + String.join("\n  ", problems));
            failures.forEach(error::addSuppressed);
            throw error;
        }
        return new RevisionIndex(location, files);
    }

    /**
     * Builds the index and writes it into the directory (replacing an older one), or fails without
     * writing anything.
     *
     * @return the index file
     */
    public static Path write(Path directory, String location) {
        RevisionIndex index = build(directory, location);
        Path target = directory.resolve(RevisionIndex.FILE_NAME);
        Path temporary = directory.resolve("." + RevisionIndex.FILE_NAME + ".tmp");
        try {
            Files.writeString(temporary, IndexFormat.write(index), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "Cannot write the revision index " + target + ": "
                    + e + ". Check that the build may write to the directory.", e);
        }
        return target;
    }

    /**
     * Compares the index in the directory with the files, reading and checking every one of them (what a
     * start-up only does for the files it runs).
     *
     * @return one line per difference; empty when the index is current
     */
    public static List<String> check(Path directory, String location) {
        Path indexFile = directory.resolve(RevisionIndex.FILE_NAME);
        if (!Files.isRegularFile(indexFile)) {
            return List.of(indexFile + " does not exist");
        }
        RevisionIndex existing;
        try {
            existing = IndexFormat.read(Files.readString(indexFile, StandardCharsets.UTF_8), indexFile.toString());
        } catch (IOException e) {
            return List.of(indexFile + " cannot be read: " + e);
        } catch (MigratorException e) {
            return List.of(e.getMessage());
        }
        Map<String, IndexedFile> indexed = new HashMap<>();
        existing.files().forEach(f -> indexed.put(f.relativePath(), f));
        List<String> differences = new ArrayList<>();
        for (IndexedFile now : build(directory, location).files()) {
            IndexedFile then = indexed.remove(now.relativePath());
            if (then == null) {
                differences.add(now.relativePath() + " is not in the index");
            } else if (!then.equals(now)) {
                differences.add(now.relativePath() + " changed since the index was built");
            }
        }
        indexed.keySet().stream().sorted().forEach(path -> differences.add(path + " is in the index but not in the directory"));
        return differences;
    }

    private static IndexedFile entry(DirectoryWalker.FoundFile file, long size, LoadedRevision revision) {
        RevisionBody.Sql body = (RevisionBody.Sql) revision.body();
        return new IndexedFile(file.relativePath(), size, revision.checksum(), revision.id(),
                revision.node().revises(), revision.node().dependsOn(), List.copyOf(revision.node().branchLabels()),
                revision.phase(), revision.transactional(), revision.lockTimeout(), revision.irreversible(),
                revision.message(), body.verify() == null ? 0 : body.verify().line(),
                body.verify() == null ? null : body.verify().sql());
    }

    private static List<DirectoryWalker.FoundFile> list(Path directory, String location) {
        if (!Files.isDirectory(directory)) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "Cannot index " + location + ": " + directory
                    + (Files.exists(directory) ? " is not a directory." : " does not exist."));
        }
        try {
            List<DirectoryWalker.FoundFile> sql = new ArrayList<>();
            for (DirectoryWalker.FoundFile file : DirectoryWalker.files(directory)) {
                if (file.relativePath().endsWith(".sql")) {
                    sql.add(file);
                }
            }
            return sql;
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "Cannot list " + directory + " to index " + location
                    + ": " + e, e);
        }
    }

    /** {@code classpath:db/migrations/} for {@code db/migrations} or {@code classpath:db/migrations}: as the loader names files. */
    static String sourcePrefix(String location) {
        String name = location.strip();
        if (name.regionMatches(true, 0, "classpath:", 0, 10)) {
            name = name.substring(10);
        } else if (name.regionMatches(true, 0, "filesystem:", 0, 11)) {
            return name + (name.endsWith("/") ? "" : "/");
        }
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        name = "classpath:" + name;
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name + "/";
    }
}
