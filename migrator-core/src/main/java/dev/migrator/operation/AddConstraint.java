package dev.migrator.operation;

import java.util.Optional;

/**
 * {@code ALTER TABLE ... ADD CONSTRAINT}.
 *
 * @param notValid {@code NOT VALID}: only new and updated rows are checked, existing rows later by
 *     {@link ValidateConstraint} under a weaker lock (check and foreign-key constraints only)
 */
public record AddConstraint(String table, TableConstraint constraint, boolean notValid) implements Operation {

    public AddConstraint {
        Names.require(table, "table name");
        Names.require(constraint.name(), "constraint name (added constraints need one so they can be dropped)");
        if (notValid && !(constraint instanceof TableConstraint.Check || constraint instanceof TableConstraint.ForeignKey)) {
            throw new IllegalArgumentException("Constraint " + constraint.name()
                    + ": NOT VALID exists only for check and foreign-key constraints");
        }
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropConstraint(table, constraint.name(), false, this));
    }

    @Override
    public String describe() {
        return "addConstraint(" + constraint.name() + " on " + table + ")";
    }
}
