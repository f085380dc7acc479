package dev.migrator.internal.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists the regular files below a directory, recursively, sorted by their '/'-separated relative
 * path. One directory walk whose attributes come with the listing (no extra stat per file), because
 * the scan is most of the time a warm no-op start spends on a thousand revisions. Public for the
 * index generator ({@code dev.migrator.internal.source.index}), which must see exactly the files the loader sees.
 */
public final class DirectoryWalker {

    /**
     * @param size         in bytes, from the listing
     * @param lastModified milliseconds since the epoch, from the listing
     */
    public record FoundFile(String relativePath, Path path, long size, long lastModified) implements Comparable<FoundFile> {
        @Override
        public int compareTo(FoundFile other) {
            return relativePath.compareTo(other.relativePath);
        }
    }

    private DirectoryWalker() {}

    public static List<FoundFile> files(Path root) throws IOException {
        List<FoundFile> found = unsorted(root);
        Collections.sort(found);
        return found;
    }

    /**
     * The same files in the order the file system lists them: for a caller that needs no order (a
     * revision index is compared with the listing by name), sorting a thousand records is measurable in a
     * fresh JVM.
     */
    static List<FoundFile> unsorted(Path root) throws IOException {
        List<FoundFile> found = new ArrayList<>();
        String rootPrefix = root.toString();
        int cut = rootPrefix.length() + (rootPrefix.endsWith(root.getFileSystem().getSeparator()) ? 0 : 1);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    found.add(new FoundFile(file.toString().substring(cut).replace('\\', '/'), file, attrs.size(),
                            attrs.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
