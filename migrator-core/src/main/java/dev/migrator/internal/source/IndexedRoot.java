package dev.migrator.internal.source;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.revision.RevisionNode;
import dev.migrator.internal.source.index.IndexCoverage;
import dev.migrator.internal.source.index.IndexFormat;
import dev.migrator.internal.source.index.IndexedFile;
import dev.migrator.internal.source.index.ListedFile;
import dev.migrator.internal.source.index.RevisionIndex;
import dev.migrator.internal.support.Concat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A directory or jar that holds a location's files together with their build-time
 * {@linkplain RevisionIndex index}: its revisions are made from the index, once the listing shows that
 * the index still covers exactly these files, and each file is read only when a command needs its
 * statements, then checked against the checksum the index recorded.
 */
final class IndexedRoot {

    /** Reads one file of the root by its relative path. */
    @FunctionalInterface
    interface FileReader {
        byte[] read(String relativePath) throws IOException;
    }

    private IndexedRoot() {}

    /**
     * The resources of a directory from its index, or null when the directory holds none.
     *
     * @param found every regular file below the location's directory (the loader's one listing)
     */
    static List<SqlResource> inDirectory(Location location, Path directory, List<DirectoryWalker.FoundFile> found)
            throws IOException {
        DirectoryWalker.FoundFile indexFile = null;
        List<ListedFile> listed = new ArrayList<>(found.size());
        for (DirectoryWalker.FoundFile file : found) {
            if (file.relativePath().equals(RevisionIndex.FILE_NAME)) {
                indexFile = file;
            } else if (file.relativePath().endsWith(".sql")) {
                listed.add(new ListedFile(file.relativePath(), file.size(), file.lastModified()));
            }
        }
        if (indexFile == null) {
            return null;
        }
        String where = location.kind() == Location.Kind.CLASSPATH
                ? Concat.of(location.source(RevisionIndex.FILE_NAME), " (in ", directory, ")")
                : location.source(RevisionIndex.FILE_NAME);
        return resources(location, Files.readString(indexFile.path(), StandardCharsets.UTF_8), where, listed,
                indexFile.lastModified(), relative -> Files.readAllBytes(directory.resolve(relative)));
    }

    /**
     * The resources of a jar's location directory from its index, or null when it holds none. A jar's
     * entry times are not compared: the index and the files were packaged by the same build.
     *
     * @param prefix  the location's entry prefix, ending in '/'
     * @param entries the files (not directories) below the prefix
     * @param rootUrl the location's URL in this jar, as the class loader gave it; files are read through it later
     */
    static List<SqlResource> inJar(Location location, JarFile jar, String prefix, List<JarEntry> entries, URL rootUrl)
            throws IOException {
        JarEntry indexEntry = null;
        List<ListedFile> listed = new ArrayList<>(entries.size());
        for (JarEntry entry : entries) {
            String relative = entry.getName().substring(prefix.length());
            if (relative.equals(RevisionIndex.FILE_NAME)) {
                indexEntry = entry;
            } else if (relative.endsWith(".sql")) {
                listed.add(new ListedFile(relative, entry.getSize(), -1));
            }
        }
        if (indexEntry == null) {
            return null;
        }
        String text;
        try (InputStream in = jar.getInputStream(indexEntry)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String base = rootUrl.toExternalForm().endsWith("/") ? rootUrl.toExternalForm() : rootUrl.toExternalForm() + "/";
        return resources(location, text, location.source(RevisionIndex.FILE_NAME) + " (in " + jar.getName() + ")", listed,
                -1, relative -> readUrl(base, relative));
    }

    /**
     * Reads an entry through the location's own URL (not the class loader's first match: two jars may
     * hold the same relative path), with the JDK's cached jar file, so a run reading many entries opens
     * the jar once.
     */
    private static byte[] readUrl(String base, String relative) throws IOException {
        String encoded;
        try {
            encoded = new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IOException("cannot make a URL of " + relative, e);
        }
        try (InputStream in = new URL(base + encoded).openStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * @param where         the index as messages name it
     * @param listed        every {@code .sql} file below the location in this root, from the listing
     * @param indexModified the index's modification time (ms), or -1 where times are not compared
     * @throws MigratorException {@link ErrorCode#REVISION_INDEX_STALE} when the index is unreadable or does not cover the files
     */
    static List<SqlResource> resources(Location location, String indexText, String where, List<ListedFile> listed,
            long indexModified, FileReader reader) {
        RevisionIndex index = IndexFormat.read(indexText, where);
        IndexCoverage.check(index, where, listed, indexModified, relative -> {
            String source = location.source(relative);
            return Checksum.of(SourceText.decode(source, read(reader, relative, source)));
        });
        List<SqlResource> resources = new ArrayList<>(index.files().size());
        for (IndexedFile file : index.files()) {
            String source = location.source(file.relativePath());
            resources.add(SqlResource.indexed(file.relativePath(), source, revision(file, source, where, reader)));
        }
        return resources;
    }

    private static LoadedRevision revision(IndexedFile file, String source, String where, FileReader reader) {
        RevisionNode node = new RevisionNode(file.id(), file.revises(), file.dependsOn(),
                new LinkedHashSet<>(file.branchLabels()), source);
        SqlStatement verify = file.verifySql() == null ? null : new SqlStatement(file.verifySql(), file.verifyLine());
        RevisionBody.Sql body = RevisionBody.Sql.deferred(verify, () -> parse(file, source, where, reader));
        return new LoadedRevision(node, file.message(), file.phase(), file.transactional(), file.lockTimeout(),
                file.irreversible(), file.checksum(), source, body);
    }

    /** The file as it is now, provided it is the file the index describes. */
    private static RevisionBody.Sql parse(IndexedFile file, String source, String where, FileReader reader) {
        byte[] content = read(reader, file.relativePath(), source);
        LoadedRevision parsed;
        try {
            parsed = SqlRevisionParser.parse(source, content);
        } catch (RevisionLoadException e) {
            // a file edited after the index was built is stale first of all; one that was indexed cannot be malformed
            String now = Checksum.of(SourceText.decode(source, content));
            if (!now.equals(file.checksum())) {
                MigratorException stale = changed(file, source, where, now);
                stale.addSuppressed(e);
                throw stale;
            }
            throw e;
        }
        if (!parsed.checksum().equals(file.checksum())) {
            throw changed(file, source, where, parsed.checksum());
        }
        return (RevisionBody.Sql) parsed.body();
    }

    private static MigratorException changed(IndexedFile file, String source, String where, String now) {
        return new MigratorException(ErrorCode.REVISION_INDEX_STALE, source + " (revision " + file.id() + ") changed after "
                + "the revision index " + where + " was built: its checksum is now " + now + ", the index says "
                + file.checksum() + ". Nothing was run. Rebuild the index (run the build: the migrator:index goal "
                + "writes it) or delete it to load the files without an index.");
    }

    private static byte[] read(FileReader reader, String relative, String source) {
        try {
            return reader.read(relative);
        } catch (IOException e) {
            throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, source + ": cannot read the file (" + e
                    + "). Check that it is readable by the user the application runs as.", e);
        }
    }
}
