package dev.migrator;

import dev.migrator.internal.support.Secrets;
import java.util.Objects;

/**
 * Every failure Migrator reports. The message is written for the person who has to act on it:
 * which revision, which file (and line), what was expected, and what to do. It never contains a
 * password or other secret: the message, and any cause whose message would print one, pass through
 * {@link Secrets#mask}. The {@link #code() code} says which class of failure it is, for code
 * that reacts to failures (exit codes, failure analyzers, endpoints).
 */
public class MigratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public MigratorException(ErrorCode code, String message) {
        super(Secrets.mask(message));
        this.code = Objects.requireNonNull(code, "code");
    }

    public MigratorException(ErrorCode code, String message, Throwable cause) {
        super(Secrets.mask(message), Secrets.mask(cause));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The class of this failure; stable across releases. */
    public ErrorCode code() {
        return code;
    }
}
