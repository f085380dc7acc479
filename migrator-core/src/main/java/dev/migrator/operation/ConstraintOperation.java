package dev.migrator.operation;

import java.util.Optional;

/** Adding, validating and dropping table constraints. */
public sealed interface ConstraintOperation extends Operation
        permits ConstraintOperation.AddConstraint, ConstraintOperation.DropConstraint, ConstraintOperation.ValidateConstraint {

    /** The table whose constraint the operation changes. */
    String table();

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT}.
     *
     * @param notValid {@code NOT VALID}: only new and updated rows are checked, existing rows later by
     *     {@link ValidateConstraint} under a weaker lock (check and foreign-key constraints only)
     */
    record AddConstraint(String table, TableConstraint constraint, boolean notValid) implements ConstraintOperation {

        public AddConstraint {
            Names.require(table, "table name");
            Names.require(constraint.name(), "constraint name (added constraints need one so they can be dropped)");
            if (notValid && !(constraint instanceof TableConstraint.Check || constraint instanceof TableConstraint.ForeignKey)) {
                throw new IllegalArgumentException("Constraint " + constraint.name()
                        + ": NOT VALID exists only for check and foreign-key constraints");
            }
        }

        public AddConstraint withConstraint(TableConstraint value) {
            return new AddConstraint(table, value, notValid);
        }

        public AddConstraint withNotValid(boolean value) {
            return new AddConstraint(table, constraint, value);
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

    /** @param definition the constraint as it was, so the drop can be reversed; null when not given */
    record DropConstraint(String table, String name, boolean ifExists, AddConstraint definition)
            implements ConstraintOperation {

        public DropConstraint {
            Names.require(table, "table name");
            Names.require(name, "constraint name");
        }

        public DropConstraint withIfExists(boolean value) {
            return new DropConstraint(table, name, value, definition);
        }

        public DropConstraint withDefinition(AddConstraint value) {
            return new DropConstraint(table, name, ifExists, value);
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(definition);
        }

        @Override
        public String describe() {
            return "dropConstraint(" + name + " on " + table + (definition == null ? ") without the constraint definition" : ")");
        }
    }

    /**
     * {@code VALIDATE CONSTRAINT}: checks existing rows against a {@code NOT VALID} constraint under a
     * {@code SHARE UPDATE EXCLUSIVE} lock, so reads and writes go on meanwhile.
     */
    record ValidateConstraint(String table, String name) implements ConstraintOperation {

        public ValidateConstraint {
            Names.require(table, "table name");
            Names.require(name, "constraint name");
        }

        /** Validation changes no schema, so undoing it does nothing (the constraint's drop undoes the constraint). */
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new NoOperation("undo " + describe()));
        }

        @Override
        public String describe() {
            return "validateConstraint(" + name + " on " + table + ")";
        }
    }
}
