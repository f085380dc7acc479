package dev.migrator.operation;

import java.util.Optional;

/**
 * {@code COMMENT ON TABLE|COLUMN}. Reversible when the previous comment is known
 * ({@code previousKnown}; a null previous comment then means there was none).
 *
 * @param column the column, or null for a comment on the table
 * @param text the comment, or null to remove it
 */
public record Comment(String table, String column, String text, boolean previousKnown, String previous)
        implements Operation {

    public Comment {
        Names.require(table, "table name");
    }

    @Override
    public Optional<Operation> reverse() {
        return previousKnown ? Optional.of(new Comment(table, column, previous, true, text)) : Optional.empty();
    }

    @Override
    public String describe() {
        return "comment(" + table + (column == null ? "" : "." + column)
                + (previousKnown ? ")" : ") without the previous comment");
    }
}
