package dev.migrator.operation;

import java.util.List;
import java.util.Optional;

/**
 * Operations that run outside the revision's transaction, each statement committing on its own (Alembic's
 * {@code autocommit_block}). The executor commits what the revision did so far, runs the block in
 * autocommit mode, then opens a new transaction for the rest. What ran in the block is not rolled back
 * if a later statement fails, so it must be idempotent.
 */
public record AutocommitBlock(List<Operation> operations) implements CompositeOperation {

    public AutocommitBlock {
        operations = List.copyOf(operations);
    }

    @Override
    public List<Operation> steps() {
        return operations;
    }

    @Override
    public Optional<Operation> reverse() {
        return OperationSequence.reverseAll(operations).map(AutocommitBlock::new);
    }

    @Override
    public String describe() {
        return "autocommitBlock(" + operations.size() + " operations)";
    }
}
