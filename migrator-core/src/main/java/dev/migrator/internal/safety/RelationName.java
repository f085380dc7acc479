package dev.migrator.internal.safety;

/**
 * A table, index or type name as a statement writes it, optionally schema-qualified. Two names match
 * when their names are equal and their schemas are equal or one of them is not given (the linter does
 * not know the search path, so {@code orders} and {@code public.orders} are taken to be the same table).
 */
record RelationName(String schema, String name) {

    /**
     * A name as the {@code op} API and the catalog give it: exact (the dialect quotes what needs quoting,
     * so {@code "Orders"} stays {@code Orders}), schema-qualified at the first dot.
     */
    static RelationName literal(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? new RelationName(null, qualified)
                : new RelationName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    boolean matches(RelationName other) {
        return other != null && name.equals(other.name)
                && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
