package dev.migrator.schema;


import java.util.Collections;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A canonical description of one database schema, read from {@code pg_catalog}: tables, columns
 * (type, default, nullability, identity), constraints, indexes (with validity), views, sequences,
 * functions (signature and a hash of the definition), triggers and enum types. Migrator's own
 * tables are left out, so recording the migration does not change the description.
 *
 * <p>The {@link #text() text form} is deterministic (objects and attributes sorted by code point), its
 * SHA-256 is the {@link #fingerprint()}, and {@link #diff(SchemaSnapshot)} says in words what differs.
 * {@link ServerFingerprint} computes the same text and fingerprint on the server, so that a run or a
 * check need not fetch the description to know whether the schema changed.
 */
public final class SchemaSnapshot {

    /** The first line of every {@link #text() text form}: its format and version. */
    public static final String HEADER = "# migrator schema snapshot v1";

    /** Sorted by {@link SchemaObject#key()}. */
    private final Map<String, SchemaObject> objects;
    private final String text;
    private final String fingerprint;

    private SchemaSnapshot(Collection<SchemaObject> objects) {
        TreeMap<String, SchemaObject> sorted = new TreeMap<>(CodePointOrder.INSTANCE);
        for (SchemaObject object : objects) {
            // Two objects whose words collide (table "a.b" column "c", table "a" column "b.c") have one key:
            // the one with the greater line is kept, as the server-side fingerprint keeps it, so the result
            // never depends on the order the objects came in.
            sorted.merge(object.key(), object, (a, b) -> CodePointOrder.compare(line(a), line(b)) >= 0 ? a : b);
        }
        this.objects = java.util.Collections.unmodifiableMap(sorted);
        this.text = render(sorted.values());
        this.fingerprint = sha256(text);
    }

    public static SchemaSnapshot of(Collection<SchemaObject> objects) {
        return new SchemaSnapshot(objects);
    }

    /** Parses the {@link #text()} of a snapshot (as Migrator stores it in its snapshot table). */
    public static SchemaSnapshot parse(String text) {
        List<SchemaObject> objects = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isEmpty() || line.equals(HEADER)) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 2) {
                throw new MigratorException(ErrorCode.STATE_TABLES_INCONSISTENT, "Stored schema snapshot is malformed at line " + lineNumber
                        + ": expected '<kind> TAB <name> TAB <attribute>=<value>...'.");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 2; i < fields.length; i++) {
                int equals = fields[i].indexOf('=');
                if (equals < 0) {
                    throw new MigratorException(ErrorCode.STATE_TABLES_INCONSISTENT, "Stored schema snapshot is malformed at line " + lineNumber
                            + ": attribute without '=': " + fields[i]);
                }
                attributes.put(unescape(fields[i].substring(0, equals)), unescape(fields[i].substring(equals + 1)));
            }
            objects.add(new SchemaObject(unescape(fields[0]), unescape(fields[1]), attributes));
        }
        return new SchemaSnapshot(objects);
    }

    /** Every object, sorted by kind and name. */
    public List<SchemaObject> objects() {
        return List.copyOf(objects.values());
    }

    /** One line per object: kind, name and sorted attributes separated by tabs (escaped). */
    public String text() {
        return text;
    }

    /** SHA-256 (64 lowercase hex characters) of {@link #text()}. */
    public String fingerprint() {
        return fingerprint;
    }

    /** What changed from this snapshot to {@code newer}. */
    public SchemaDiff diff(SchemaSnapshot newer) {
        return SchemaDiff.between(objects, newer.objects);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaSnapshot snapshot && snapshot.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "SchemaSnapshot[" + objects.size() + " objects, fingerprint " + fingerprint + "]";
    }

    /** An object's line of the {@link #text() text form}, without its line break. */
    private static String line(SchemaObject object) {
        StringBuilder line = new StringBuilder();
        appendLine(line, object);
        return line.toString();
    }

    private static void appendLine(StringBuilder text, SchemaObject object) {
        text.append(escape(object.kind())).append('\t').append(escape(object.name()));
        object.attributes().forEach((attribute, value) ->
                text.append('\t').append(escape(attribute).replace("=", "\\e")).append('=').append(escape(value)));
    }

    private static String render(Collection<SchemaObject> objects) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (SchemaObject object : objects) {
            appendLine(text, object);
            text.append('\n');
        }
        return text.toString();
    }

    /** Backslash, tab and line breaks; an {@code =} in an attribute name becomes {@code \\e} (values keep theirs). */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                plain.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 't' -> plain.append('\t');
                case 'n' -> plain.append('\n');
                case 'r' -> plain.append('\r');
                case 'e' -> plain.append('=');
                default -> plain.append(next);
            }
        }
        return plain.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

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

        /** The attribute naming the table an index, constraint, trigger or column belongs to. */
        public static final String TABLE_ATTRIBUTE = "table";

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
            return attributes.get(TABLE_ATTRIBUTE);
        }
    }
}
