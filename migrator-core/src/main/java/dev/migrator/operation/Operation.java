package dev.migrator.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One schema change, as an immutable value. The {@link Operations} builder only records these; the
 * executor runs them, the dialect renders them (online and offline through the same method), reversal
 * derives downgrades from them and the safety analysis reads them: one model, many consumers.
 *
 * <p>The values are grouped by what they change, each group a sealed interface of its own: {@link TableOperation},
 * {@link ColumnOperation}, {@link IndexOperation}, {@link ConstraintOperation}, {@link EnumOperation} and
 * {@link SafePattern} (batch updates and the expand/contract patterns); the ones below belong to no group.
 * What an operation needs from the runner ({@link #runsOutsideTransaction()}) is a property of the value, so
 * no consumer has to recognise operations by their class for it.
 */
public sealed interface Operation
        permits Operation.ExecuteSql, Operation.NoOperation, Operation.OperationSequence, Operation.AutocommitBlock,
        TableOperation, ColumnOperation, IndexOperation, ConstraintOperation, EnumOperation, SafePattern {

    /** The operation that undoes this one, or empty when this one does not carry enough information. */
    default Optional<Operation> reverse() {
        return Optional.empty();
    }

    /** A short human description for error messages and logs, e.g. {@code "execute(DELETE FROM t)"}. */
    String describe();

    /**
     * Whether the operation must run outside the revision's transaction (it commits on its own: batches, a
     * concurrent index build, an autocommit block). A transactional revision refuses such an operation before
     * anything of it runs; a non-transactional one runs it through the executor, which gives it the transaction
     * handling it needs.
     */
    default boolean runsOutsideTransaction() {
        return false;
    }

    /** Raw SQL, with optional JDBC parameters. Not reversible: the engine cannot know its inverse. */
    record ExecuteSql(String sql, List<Object> params) implements Operation {

        public ExecuteSql {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("execute(sql) needs a non-empty SQL statement");
            }
            params = List.copyOf(params);
        }

        @Override
        public String describe() {
            String oneLine = sql.strip().replaceAll("\\s+", " ");
            return "execute(" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + ")";
        }
    }

    /** Does nothing; the reverse of operations that change no schema (such as a validation). */
    record NoOperation(String reason) implements Operation {

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(this);
        }

        @Override
        public String describe() {
            return "nothing (" + reason + ")";
        }
    }

    /** Several operations as one unit, e.g. the reverse of a composite. Reversible when every part is. */
    record OperationSequence(String description, List<Operation> parts) implements Operation {

        public OperationSequence {
            parts = List.copyOf(parts);
        }

        @Override
        public Optional<Operation> reverse() {
            return reverseAll(parts).map(reversed -> new OperationSequence("undo " + description, reversed));
        }

        @Override
        public boolean runsOutsideTransaction() {
            return parts.stream().anyMatch(Operation::runsOutsideTransaction);
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /**
     * Operations that run outside the revision's transaction, each statement committing on its own (Alembic's
     * {@code autocommit_block}). The executor commits what the revision did so far, runs the block in
     * autocommit mode, then opens a new transaction for the rest. What ran in the block is not rolled back
     * if a later statement fails, so it must be idempotent.
     */
    record AutocommitBlock(List<Operation> parts) implements Operation {

        public AutocommitBlock {
            parts = List.copyOf(parts);
        }

        @Override
        public Optional<Operation> reverse() {
            return reverseAll(parts).map(AutocommitBlock::new);
        }

        @Override
        public boolean runsOutsideTransaction() {
            return true;
        }

        @Override
        public String describe() {
            return "autocommitBlock(" + parts.size() + " operations)";
        }
    }

    /** The reverses of {@code operations}, last first; empty if one of them has none. */
    private static Optional<List<Operation>> reverseAll(List<Operation> operations) {
        List<Operation> reversed = new ArrayList<>();
        for (int i = operations.size() - 1; i >= 0; i--) {
            Optional<Operation> reverse = operations.get(i).reverse();
            if (reverse.isEmpty()) {
                return Optional.empty();
            }
            reversed.add(reverse.get());
        }
        return Optional.of(reversed);
    }
}
