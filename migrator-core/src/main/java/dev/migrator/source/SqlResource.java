package dev.migrator.source;

/**
 * A {@code .sql} file found in a location.
 *
 * @param relativePath '/'-separated path below the location, the sort key
 * @param source       the name used in messages, e.g. {@code classpath:db/migrations/0001_init.sql}
 */
record SqlResource(String relativePath, String source, byte[] content) {}
