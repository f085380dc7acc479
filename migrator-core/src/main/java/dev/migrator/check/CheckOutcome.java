package dev.migrator.check;

import java.util.Objects;

/**
 * What a {@link PostDeployCheck} found.
 *
 * @param detail why it failed and what to do, or a short confirmation when it passed
 */
public record CheckOutcome(boolean passed, String detail) {

    public CheckOutcome {
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckOutcome passed(String detail) {
        return new CheckOutcome(true, detail);
    }

    public static CheckOutcome failed(String detail) {
        return new CheckOutcome(false, detail);
    }
}
