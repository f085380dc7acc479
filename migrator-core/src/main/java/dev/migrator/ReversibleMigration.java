package dev.migrator;

import dev.migrator.operation.Operations;

/**
 * A migration written once, as {@link #change}, whose downgrade is derived by reversing the
 * recorded operations in reverse order. Loading fails, naming the operation, if {@code change}
 * uses an operation that cannot be reversed: write {@link Migration#downgrade} by hand then.
 */
public interface ReversibleMigration extends Migration {

    void change(Operations op);

    @Override
    default void upgrade(Operations op) {
        change(op);
    }

    @Override
    default void downgrade(Operations op) {
        op.reverseOf(this::change);
    }
}
