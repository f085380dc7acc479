package dev.migrator.internal.source.index;

/**
 * A {@code .sql} file of a location as a start-up lists it: its name and size come with the directory
 * listing or the jar's central directory, so comparing them with the index opens no file.
 *
 * @param lastModified milliseconds since the epoch, or -1 where the listing has no trustworthy time (a jar entry)
 */
public record ListedFile(String relativePath, long size, long lastModified) {}
