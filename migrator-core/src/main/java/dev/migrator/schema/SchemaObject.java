package dev.migrator.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One object of a schema as the catalog describes it, e.g. kind {@code column}, name
 * {@code users.email}, attributes {@code type=text}, {@code nullability=not null}.
 *
 * @param kind       {@code table}, {@code column}, {@code constraint}, {@code index}, {@code view},
 *                   {@code sequence}, {@code function}, {@code trigger} or {@code enum}
 * @param name       unique within its kind, in the words a person would use
 * @param attributes sorted by attribute name (code point order), so the text form is deterministic
 */
public record SchemaObject(String kind, String name, Map<String, String> attributes) {

    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        TreeMap<String, String> sorted = new TreeMap<>(CodePointOrder.INSTANCE);
        sorted.putAll(attributes);
        attributes = Collections.unmodifiableMap(sorted);
    }

    /** {@code kind name}, the identity of the object inside a snapshot. */
    public String key() {
        return kind + " " + name;
    }

    /** The table a column, constraint, index or trigger belongs to; null for other kinds. */
    String table() {
        return attributes.get(SchemaQuery.TABLE);
    }
}
