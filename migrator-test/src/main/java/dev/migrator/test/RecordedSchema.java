package dev.migrator.test;

import dev.migrator.schema.SchemaDiff;
import dev.migrator.schema.SchemaSnapshot;
import java.util.function.Function;

/**
 * The schema of a test database at one moment: the fingerprint the engine recorded after its last run
 * (its history row; the description stays in its snapshot table), or a snapshot read from the catalog.
 * The engine reads the schema after every run anyway; comparing its fingerprints spares the stairway a
 * catalog read per comparison, and the descriptions are fetched only to word a difference.
 *
 * @param snapshot null when only the engine's fingerprint is known
 */
record RecordedSchema(String fingerprint, SchemaSnapshot snapshot) {

    static RecordedSchema recorded(String fingerprint) {
        return new RecordedSchema(fingerprint, null);
    }

    static RecordedSchema read(SchemaSnapshot snapshot) {
        return new RecordedSchema(snapshot.fingerprint(), snapshot);
    }

    boolean fromEngine() {
        return snapshot == null;
    }

    /**
     * What changed from this schema to {@code newer}; empty when they are the same. Two fingerprints of
     * the same kind decide alone; otherwise (or when they differ) the descriptions are compared.
     *
     * @param describe the full description behind an engine fingerprint
     */
    SchemaDiff diff(RecordedSchema newer, Function<RecordedSchema, SchemaSnapshot> describe) {
        if (fromEngine() == newer.fromEngine() && fingerprint.equals(newer.fingerprint)) {
            return new SchemaDiff(java.util.List.of());
        }
        return describe.apply(this).diff(describe.apply(newer));
    }
}
