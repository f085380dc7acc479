package dev.migrator.internal.source;

import dev.migrator.ErrorCode;
import dev.migrator.internal.support.Concat;
import java.util.Locale;

/**
 * A configured location: {@code classpath:db/migrations}, {@code filesystem:/opt/app/migrations},
 * or a bare path, which means {@code classpath:} (as in Flyway).
 *
 * @param path for the class path, a resource path without leading or trailing '/'; for the file
 *             system, the path as configured (absolute or relative to the working directory)
 */
record Location(Kind kind, String path) {

    enum Kind { CLASSPATH, FILESYSTEM }

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    static Location parse(String location) {
        if (location == null || location.isBlank()) {
            throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, "An empty migration location was configured: give a location such as "
                    + "\"classpath:db/migrations\" or \"filesystem:/opt/app/migrations\".");
        }
        String text = location.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith(CLASSPATH)) {
            return classpath(location, text.substring(CLASSPATH.length()));
        }
        if (lower.startsWith(FILESYSTEM)) {
            String path = text.substring(FILESYSTEM.length()).strip();
            if (path.isEmpty()) {
                throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, "Migration location \"" + location + "\" names no directory: "
                        + "write e.g. \"filesystem:/opt/app/migrations\".");
            }
            while (path.length() > 1 && (path.endsWith("/") || path.endsWith("\\"))) {
                path = path.substring(0, path.length() - 1);
            }
            return new Location(Kind.FILESYSTEM, path);
        }
        int colon = text.indexOf(':');
        // "s3:bucket" or "file:/x" is a mistake, not a resource name; a one-letter prefix may be a Windows drive.
        if (colon > 1 && text.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, "Migration location \"" + location + "\" has an unknown prefix \""
                    + text.substring(0, colon + 1) + "\": use \"classpath:\" or \"filesystem:\".");
        }
        return classpath(location, text);
    }

    private static Location classpath(String original, String rawPath) {
        String path = rawPath.strip().replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            throw new RevisionLoadException(ErrorCode.LOCATION_INVALID, "Migration location \"" + original + "\" is the root of the class path: "
                    + "name a directory, e.g. \"classpath:db/migrations\".");
        }
        return new Location(Kind.CLASSPATH, path);
    }

    /** How sources under this location are named, e.g. {@code classpath:db/migrations}. */
    String prefix() {
        return Concat.of(kind == Kind.CLASSPATH ? CLASSPATH : FILESYSTEM, path);
    }

    /** The source string of a file at {@code relativePath} ('/'-separated) under this location. */
    String source(String relativePath) {
        return Concat.of(prefix(), path.endsWith("/") ? "" : "/", relativePath);
    }

    /** The Java package a classpath location also scans: {@code db/migrations} → {@code db.migrations}. */
    String packageName() {
        return path.replace('/', '.');
    }

    @Override
    public String toString() {
        return prefix();
    }
}
