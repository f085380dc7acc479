package dev.migrator.operation;

import java.util.Objects;

/**
 * A column type as the SQL the database understands. A small value type rather than an enum so
 * that any type of the database ({@code Type.of("tsvector")}) is as easy to write as the common ones.
 */
public record Type(String sql) {

    public static final Type BOOLEAN = new Type("boolean");
    public static final Type SMALLINT = new Type("smallint");
    public static final Type INTEGER = new Type("integer");
    public static final Type BIGINT = new Type("bigint");
    public static final Type SERIAL = new Type("serial");
    public static final Type BIGSERIAL = new Type("bigserial");
    public static final Type TEXT = new Type("text");
    public static final Type UUID = new Type("uuid");
    public static final Type DATE = new Type("date");
    public static final Type TIMESTAMP = new Type("timestamp");
    public static final Type TIMESTAMPTZ = new Type("timestamptz");
    public static final Type NUMERIC = new Type("numeric");
    public static final Type DOUBLE = new Type("double precision");
    public static final Type JSONB = new Type("jsonb");
    public static final Type BYTEA = new Type("bytea");

    public Type {
        Objects.requireNonNull(sql, "type");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("A column type needs a name, e.g. Type.of(\"jsonb\")");
        }
    }

    /** Any type, written as the database spells it, e.g. {@code "jsonb"}, {@code "text[]"}, {@code "my_enum"}. */
    public static Type of(String sql) {
        return new Type(sql);
    }

    public static Type varchar(int length) {
        return new Type("varchar(" + positive(length) + ")");
    }

    public static Type numeric(int precision, int scale) {
        return new Type("numeric(" + positive(precision) + "," + scale + ")");
    }

    private static int positive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("A type length must be positive, got " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return sql;
    }
}
