package dev.migrator.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the linter has learnt from the revisions it walked so far, on top of the real database's
 * {@link DatabaseFacts}: which tables each revision created, which indexes belong to which table, column
 * types, which columns a validated check proves not null, and (within the current revision) constraints
 * added {@code NOT VALID} and enum values added, with their transactions.
 */
final class SchemaState {

    /** A table and its size as the rules see it. @param rows null when unknown */
    record TableSize(boolean large, Long rows, String description) {
        boolean knownEmpty() {
            return rows != null && rows == 0;
        }
    }

    /** A check or foreign key added {@code NOT VALID}, by which revision, in which of its transactions. */
    record NotValidConstraint(String revision, RelationName table, int transaction, String notNullColumn) {}

    private final DatabaseFacts facts;
    private final long smallTableRows;
    private final List<RelationName> createdEarlier = new ArrayList<>();
    private final List<RelationName> createdHere = new ArrayList<>();
    private final Map<RelationName, RelationName> indexTables = new HashMap<>();
    private final Map<String, TypeName> columnTypes = new HashMap<>();
    private final List<String[]> provenNotNull = new ArrayList<>();
    private final List<RelationName> validatedUnknown = new ArrayList<>();
    private final Map<String, NotValidConstraint> notValid = new HashMap<>();
    private final Map<String, Integer> enumValues = new HashMap<>();

    SchemaState(DatabaseFacts facts, long smallTableRows) {
        this.facts = facts;
        this.smallTableRows = smallTableRows;
    }

    DatabaseFacts facts() {
        return facts;
    }

    /** Starts the next revision: what the previous one created now existed before. */
    void nextRevision() {
        createdEarlier.addAll(createdHere);
        createdHere.clear();
        enumValues.clear();
    }

    void created(RelationName table) {
        createdHere.add(table);
    }

    boolean createdHere(RelationName table) {
        return createdHere.stream().anyMatch(t -> t.matches(table));
    }

    /**
     * Whether {@code table} is large enough for a lock or scan on it to matter. A table created by this
     * revision is not. With a connection the real statistics decide; a table the real database does not
     * have yet was created by an earlier pending revision, so it is new and empty when this one runs.
     * Offline, every other table is taken to be large: it is in production.
     */
    TableSize size(RelationName table) {
        if (createdHere(table)) {
            return new TableSize(false, 0L, table + " is created by this revision");
        }
        if (!facts.connected()) {
            return new TableSize(true, null, table + " existed before this revision (offline its size is unknown, so it is "
                    + "taken to be large)");
        }
        DatabaseFacts.Stats stats = facts.stats(table);
        if (stats == null) {
            boolean earlier = createdEarlier.stream().anyMatch(t -> t.matches(table));
            return earlier ? new TableSize(false, 0L, table + " is created by an earlier pending revision (empty when this one runs)")
                    : new TableSize(true, null, table + " is not in the database (unknown size: taken to be large)");
        }
        if (stats.rows() == null) {
            return new TableSize(true, null, table + " has never been analysed (" + StatementMeasurement.bytes(stats.bytes())
                    + "; row count unknown: taken to be large)");
        }
        String figures = table + ": " + StatementMeasurement.count(stats.rows()) + " rows, " + StatementMeasurement.bytes(stats.bytes());
        return stats.rows() > smallTableRows ? new TableSize(true, stats.rows(), figures)
                : new TableSize(false, stats.rows(), figures + " (at most " + smallTableRows + " rows: small)");
    }

    void indexCreated(RelationName index, RelationName table) {
        if (index != null) {
            indexTables.put(new RelationName(null, index.name()), table);
        }
    }

    /** The table of an index this analysis saw created, or that the real database has; null when unknown. */
    RelationName tableOfIndex(RelationName index) {
        RelationName table = indexTables.get(new RelationName(null, index.name()));
        return table != null ? table : facts.tableOf(index);
    }

    boolean indexCreatedHere(RelationName index) {
        RelationName table = indexTables.get(new RelationName(null, index.name()));
        return table != null && createdHere(table);
    }

    void columnType(RelationName table, String column, TypeName type) {
        columnTypes.put(table.name() + "." + column, type);
    }

    TypeName columnType(RelationName table, String column) {
        TypeName seen = columnTypes.get(table.name() + "." + column);
        return seen != null ? seen : facts.columnType(table, column);
    }

    /** Records that {@code column} is proven not null from here on. */
    void markNotNull(RelationName table, String column) {
        provenNotNull.add(new String[] {table.name(), column});
    }

    /** A constraint whose definition the linter did not see (added in a DO block, say) was validated on the table. */
    void validatedUnknownConstraint(RelationName table) {
        validatedUnknown.add(table);
    }

    /**
     * Whether a validated check (or an existing NOT NULL) proves {@code column} not null, so that
     * {@code SET NOT NULL} skips its scan. A constraint validated on the table whose definition is unknown is
     * given the benefit of the doubt: the linter never flags what it cannot see.
     */
    boolean provenNotNull(RelationName table, String column) {
        return provenNotNull.stream().anyMatch(p -> p[0].equals(table.name()) && p[1].equals(column))
                || validatedUnknown.stream().anyMatch(t -> t.matches(table))
                || facts.provenNotNull(table, column);
    }

    void notValidAdded(String name, NotValidConstraint constraint) {
        notValid.put(name, constraint);
    }

    /** A constraint a revision of this analysis added {@code NOT VALID}, or null. */
    NotValidConstraint notValidAdded(String name) {
        return notValid.get(name);
    }

    void enumValueAdded(String value, int transaction) {
        enumValues.put(value, transaction);
    }

    /** The transaction in which this revision added enum value {@code value}, or null. */
    Integer enumValueTransaction(String value) {
        return enumValues.get(value);
    }
}
