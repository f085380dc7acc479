package dev.migrator.operation;

import java.util.function.Consumer;

/**
 * The {@code op} API handed to Java revisions: each call records an {@link Operation}; nothing
 * touches the database until the executor runs the recorded list.
 */
public interface Operations {

    /** Runs raw SQL. Not reversible. */
    Operations execute(String sql, Object... params);

    /**
     * Records the reverses of what {@code change} records, last first. Fails, naming the operation,
     * when one of them cannot be reversed.
     */
    void reverseOf(Consumer<Operations> change);
}
