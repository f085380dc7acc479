package dev.migrator.operation;

/**
 * Names may be schema-qualified as {@code "schema.name"} (split at the first dot). Renamed and
 * dependent objects stay in the schema of the table they belong to.
 */
final class QualifiedNames {

    private QualifiedNames() {}

    /** The schema part of {@code "schema.name"}, or null. */
    static String schema(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    /** The part after the schema. */
    static String bare(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** {@code name} in the schema of {@code of}: {@code sibling("app.users", "idx") = "app.idx"}. */
    static String sibling(String of, String name) {
        String schema = schema(of);
        return schema == null ? bare(name) : schema + "." + bare(name);
    }
}
