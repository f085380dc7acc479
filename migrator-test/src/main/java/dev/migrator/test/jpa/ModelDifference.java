package dev.migrator.test.jpa;

/**
 * One way the migrated schema differs from what the JPA model expects.
 *
 * @param object   {@code table orders}, {@code column orders.status}, {@code sequence users_seq}
 * @param model    what the model expects (a type, {@code NOT NULL}, {@code present}), or null
 * @param database what the database has, or null when the object is missing
 * @param mappedBy the entity (or collection) that maps it, or null
 */
public record ModelDifference(Kind kind, String object, String model, String database, String mappedBy) {

    public enum Kind {
        /** A table the model maps does not exist. */
        MISSING_TABLE,
        /** A column the model maps does not exist. */
        MISSING_COLUMN,
        /** A sequence the model generates identifiers from does not exist. */
        MISSING_SEQUENCE,
        /** The column's type differs from the model's in a way that loses or refuses data (see the guide). */
        TYPE,
        /** NOT NULL on one side only. */
        NULLABILITY,
        /** A NOT NULL column without a default that the model does not map: inserts through the entity fail. */
        UNMAPPED_REQUIRED_COLUMN
    }

    /** The difference in words, e.g. {@code column orders.total_cents: the model expects integer, the database has bigint}. */
    public String describe() {
        String by = mappedBy == null ? "" : " (mapped by " + mappedBy + ")";
        return switch (kind) {
            case MISSING_TABLE, MISSING_COLUMN -> object + ": missing in the database" + by;
            case MISSING_SEQUENCE -> object + ": missing in the database (the model takes identifiers from it)";
            case TYPE -> object + ": the model expects " + model + ", the database has " + database + by;
            case NULLABILITY -> object + ": " + ("NOT NULL".equals(model)
                    ? "the model declares it NOT NULL, the database allows null"
                    : "NOT NULL in the database, the model allows null (an entity without a value fails to insert)") + by;
            case UNMAPPED_REQUIRED_COLUMN -> object + ": NOT NULL without a default in the database and not mapped by the"
                    + " model, so inserts through the entity fail" + by;
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
