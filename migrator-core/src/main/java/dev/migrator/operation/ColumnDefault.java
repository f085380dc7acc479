package dev.migrator.operation;

/** A server default as SQL, or {@link #NONE} (no default). */
public record ColumnDefault(String sql) {

    public static final ColumnDefault NONE = new ColumnDefault(null);

    public static ColumnDefault of(String sql) {
        return new ColumnDefault(Names.require(sql, "default expression"));
    }

    public boolean isNone() {
        return sql == null;
    }
}
