package dev.migrator.history;

/**
 * The schema fingerprint stored in {@code schema_fingerprint}: an MD5 over every column (with type
 * and nullability), index definition and constraint definition outside the system schemas. A
 * change made outside migrations changes it (drift).
 */
public final class SchemaFingerprint {

    /** A scalar SQL expression evaluating to the fingerprint of the current database. */
    public static final String SQL = "(SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) FROM ("
            + "SELECT n.nspname || '.' || c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod)"
            + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END AS x"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            + " UNION ALL SELECT pg_get_indexdef(i.indexrelid)"
            + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            + " UNION ALL SELECT n.nspname || '.' || r.conname || ':' || pg_get_constraintdef(r.oid)"
            + " FROM pg_constraint r JOIN pg_namespace n ON n.oid = r.connamespace"
            + " WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%') fingerprint_parts)";

    private SchemaFingerprint() {}
}
