package dev.migrator.operation;

/** Generated names must fit PostgreSQL's 63-byte identifier limit, or they are silently truncated. */
final class PostgresNames {

    private static final int MAX = 63;

    private PostgresNames() {}

    static String limit(String name) {
        if (name.length() <= MAX) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode());
        return name.substring(0, MAX - hash.length() - 1) + "_" + hash;
    }
}
