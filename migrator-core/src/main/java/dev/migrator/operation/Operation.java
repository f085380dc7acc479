package dev.migrator.operation;

import java.util.Optional;

/**
 * One schema change, as an immutable value. The {@link Operations} builder only records these;
 * the executor runs them, the offline writer renders them, and reversal derives downgrades from
 * them: one model, many consumers.
 */
public interface Operation {

    /** The operation that undoes this one, or empty when this one does not carry enough information. */
    default Optional<Operation> reverse() {
        return Optional.empty();
    }

    /** A short human description for error messages and logs, e.g. {@code "execute(DELETE FROM t)"}. */
    String describe();
}
