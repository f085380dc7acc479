package dev.migrator.internal.safety;

import java.util.List;

/**
 * What a statement does, as far as the safety rules need to know: the shapes the classifier recognises,
 * and {@link Unknown} for everything else (never flagged, except by rules about the statement's kind).
 */
sealed interface StatementShape {

    /** @param primaryKeyColumns the columns of a table-level {@code PRIMARY KEY (...)} */
    record CreateTable(RelationName table, List<ColumnDefinition> columns, List<String> primaryKeyColumns)
            implements StatementShape {}

    /** @param index null when the statement lets PostgreSQL choose the name */
    record CreateIndex(RelationName index, RelationName table, boolean concurrently, boolean unique)
            implements StatementShape {}

    record AlterTable(RelationName table, List<AlterAction> actions) implements StatementShape {}

    record DropIndex(List<RelationName> indexes, boolean concurrently, boolean cascade) implements StatementShape {}

    record DropTable(List<RelationName> tables, boolean cascade) implements StatementShape {}

    /** {@code DROP VIEW|TYPE|SCHEMA|FUNCTION|...}: only its {@code CASCADE} matters. */
    record DropObject(String kind, boolean cascade) implements StatementShape {}

    record Truncate(List<RelationName> tables, boolean cascade) implements StatementShape {}

    /**
     * {@code UPDATE} or {@code DELETE}.
     *
     * @param bounded the {@code WHERE} clause limits the rows by a constant (a key, a range, a LIMITed subquery)
     */
    record DataChange(String verb, RelationName table, boolean bounded) implements StatementShape {}

    /** {@code ALTER TYPE ... ADD VALUE}. */
    record AddEnumValue(RelationName type, String value) implements StatementShape {}

    /** {@code REINDEX}, which is a concurrent operation only with {@code CONCURRENTLY}. */
    record Reindex(boolean concurrently) implements StatementShape {}

    /** A statement the classifier does not recognise; {@code kind} is its first words, for messages. */
    record Unknown(String kind) implements StatementShape {}

    /** One action of {@code ALTER TABLE}. */
    sealed interface AlterAction {

        record AddColumn(ColumnDefinition column) implements AlterAction {}

        record DropColumn(String column, boolean cascade) implements AlterAction {}

        /** @param using a {@code USING} expression is given (a conversion: always a rewrite) */
        record AlterColumnType(String column, TypeName type, boolean using) implements AlterAction {}

        record SetNotNull(String column) implements AlterAction {}

        /**
         * @param notValid {@code NOT VALID}
         * @param usingIndex {@code UNIQUE|PRIMARY KEY USING INDEX}: no index is built
         * @param notNullColumn for {@code CHECK (col IS NOT NULL)}, the column; otherwise null
         */
        record AddConstraint(String name, ConstraintKind kind, boolean notValid, boolean usingIndex,
                String notNullColumn) implements AlterAction {}

        record ValidateConstraint(String name) implements AlterAction {}

        record DropConstraint(String name, boolean cascade) implements AlterAction {}

        record RenameColumn(String column, String newName) implements AlterAction {}

        record RenameTable(String newName) implements AlterAction {}

        /** {@code DETACH PARTITION ... CONCURRENTLY}. */
        record DetachPartitionConcurrently() implements AlterAction {}

        /** An action no rule is about ({@code SET DEFAULT}, {@code DROP NOT NULL}, {@code OWNER TO}...). */
        record Other(String words) implements AlterAction {}
    }

    enum ConstraintKind { CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE }
}
