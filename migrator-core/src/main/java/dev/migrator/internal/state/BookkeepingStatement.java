package dev.migrator.internal.state;

/**
 * A statement that changes Migrator's own tables, with the number of rows it must touch
 * ({@code -1}: not checked). As Alembic does, a version-table write that touches another number of
 * rows means someone else changed the table meanwhile, and the step is rolled back.
 */
public record BookkeepingStatement(String sql, int expectedRows) {

    public static BookkeepingStatement unchecked(String sql) {
        return new BookkeepingStatement(sql, -1);
    }
}
