package dev.migrator.internal.safety;

import dev.migrator.safety.SafetyReport.StatementMeasurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the linter has learnt from the revisions it walked so far, on top of the real database's
 * {@link DatabaseFacts}: which tables each revision created, which indexes belong to which table, column
 * types, which columns a validated check proves not null, constraints added {@code NOT VALID} and enum values
 * added (with their transactions). Every fact remembers the revision it comes from, and a revision sees only
 * the facts of its own lineage (itself, its ancestors and dependencies): what a sibling branch does is not
 * there when a branch is deployed alone.
 */
final class SchemaState {

    /** A table and its size as the rules see it. @param rows null when unknown */
    record TableSize(boolean large, Long rows, String description) {
        boolean knownEmpty() {
            return rows != null && rows == 0;
        }
    }

    /** A check or foreign key added {@code NOT VALID}, by which revision, in which of its transactions. */
    record NotValidConstraint(String name, String revision, RelationName table, int transaction, String notNullColumn) {}

    private record Fact<T>(String origin, T value) {}

    private record Column(RelationName table, String column) {
        boolean is(RelationName otherTable, String otherColumn) {
            return table.matches(otherTable) && column.equals(otherColumn);
        }
    }

    private record Index(RelationName index, RelationName table) {}

    private record EnumValue(String value, int transaction) {}

    private record ColumnType(Column column, TypeName type) {}

    private final DatabaseFacts facts;
    private final long smallTableRows;
    private final Function<String, Set<String>> lineageOf;
    private final List<Fact<RelationName>> created = new ArrayList<>();
    private final List<Fact<Index>> indexes = new ArrayList<>();
    private final List<Fact<Column>> notNull = new ArrayList<>();
    private final List<Fact<RelationName>> validatedUnknown = new ArrayList<>();
    private final List<Fact<NotValidConstraint>> notValid = new ArrayList<>();
    private final List<Fact<EnumValue>> enumValues = new ArrayList<>();
    private final List<Fact<ColumnType>> columnTypes = new ArrayList<>();
    private String current = "";
    private Set<String> lineage = Set.of();

    /** @param lineageOf a revision's id and the ids of its ancestors and dependencies */
    SchemaState(DatabaseFacts facts, long smallTableRows, Function<String, Set<String>> lineageOf) {
        this.facts = facts;
        this.smallTableRows = smallTableRows;
        this.lineageOf = lineageOf;
    }

    DatabaseFacts facts() {
        return facts;
    }

    /** Starts {@code revision}: from now on facts are recorded for it and read from its lineage. */
    void startRevision(String revision) {
        current = revision;
        lineage = lineageOf.apply(revision);
    }

    private <T> void add(List<Fact<T>> facts, T value) {
        facts.add(new Fact<>(current, value));
    }

    private <T> boolean seen(List<Fact<T>> facts, Predicate<T> test) {
        return facts.stream().anyMatch(f -> lineage.contains(f.origin()) && test.test(f.value()));
    }

    private <T> T latest(List<Fact<T>> facts, Predicate<T> test) {
        for (int i = facts.size() - 1; i >= 0; i--) {
            Fact<T> fact = facts.get(i);
            if (lineage.contains(fact.origin()) && test.test(fact.value())) {
                return fact.value();
            }
        }
        return null;
    }

    void created(RelationName table) {
        add(created, table);
    }

    boolean createdHere(RelationName table) {
        return created.stream().anyMatch(f -> f.origin().equals(current) && f.value().matches(table));
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
            return new TableSize(true, null, table + " existed before this revision; offline its size is unknown, so it is "
                    + "taken to be large");
        }
        DatabaseFacts.Stats stats = facts.stats(table);
        if (stats == null) {
            return seen(created, t -> t.matches(table))
                    ? new TableSize(false, 0L, table + " is created by an earlier pending revision, so it is empty when this one runs")
                    : new TableSize(true, null, table + " is not in the database; its size is unknown, so it is taken to be large");
        }
        if (stats.rows() == null) {
            return new TableSize(true, null, table + " has never been analysed, so its row count is unknown and it is taken "
                    + "to be large; " + StatementMeasurement.bytes(stats.bytes()));
        }
        String figures = table + ": " + StatementMeasurement.count(stats.rows()) + " rows, " + StatementMeasurement.bytes(stats.bytes());
        return stats.rows() > smallTableRows ? new TableSize(true, stats.rows(), figures)
                : new TableSize(false, stats.rows(), figures + ", at most " + smallTableRows + " rows: small");
    }

    void indexCreated(RelationName index, RelationName table) {
        if (index != null) {
            add(indexes, new Index(index, table));
        }
    }

    /** The table of an index this analysis saw created, or that the real database has; null when unknown. */
    RelationName tableOfIndex(RelationName index) {
        Index seen = latest(indexes, i -> i.index().matches(index));
        return seen != null ? seen.table() : facts.tableOf(index);
    }

    boolean indexCreatedHere(RelationName index) {
        Index seen = latest(indexes, i -> i.index().matches(index));
        return seen != null && createdHere(seen.table());
    }

    void columnType(RelationName table, String column, TypeName type) {
        add(columnTypes, new ColumnType(new Column(table, column), type));
    }

    /** The column's type as the last revision of this lineage that set it left it, else as the real database has it. */
    TypeName columnType(RelationName table, String column) {
        ColumnType seen = latest(columnTypes, c -> c.column().is(table, column));
        return seen != null ? seen.type() : facts.columnType(table, column);
    }

    /** Records that {@code column} is proven not null from here on. */
    void markNotNull(RelationName table, String column) {
        add(notNull, new Column(table, column));
    }

    /** A constraint whose definition the linter did not see (added in a DO block, say) was validated on the table. */
    void validatedUnknownConstraint(RelationName table) {
        add(validatedUnknown, table);
    }

    /**
     * Whether a validated check (or an existing NOT NULL) proves {@code column} not null, so that
     * {@code SET NOT NULL} skips its scan. A constraint validated on the table whose definition is unknown is
     * given the benefit of the doubt: the linter never flags what it cannot see.
     */
    boolean provenNotNull(RelationName table, String column) {
        return seen(notNull, c -> c.is(table, column)) || seen(validatedUnknown, t -> t.matches(table))
                || facts.provenNotNull(table, column);
    }

    void notValidAdded(NotValidConstraint constraint) {
        add(notValid, constraint);
    }

    /** A constraint a revision of this lineage added {@code NOT VALID}, or null. */
    NotValidConstraint notValidAdded(String name) {
        return latest(notValid, c -> c.name().equals(name));
    }

    void enumValueAdded(String value, int transaction) {
        add(enumValues, new EnumValue(value, transaction));
    }

    /** Whether this revision added an enum value (only then are later statements searched for its use). */
    boolean addedEnumValues() {
        return enumValues.stream().anyMatch(f -> f.origin().equals(current));
    }

    /** The transaction in which this revision added enum value {@code value}, or null. */
    Integer enumValueTransaction(String value) {
        return enumValues.stream().filter(f -> f.origin().equals(current) && f.value().value().equals(value))
                .map(f -> f.value().transaction()).findFirst().orElse(null);
    }
}
