package dev.migrator;

/**
 * Every failure Migrator reports. The message is written for the person who has to act on it:
 * which revision, which file (and line), what was expected, and what to do. It never contains a
 * password or other secret.
 */
public class MigratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigratorException(String message) {
        super(message);
    }

    public MigratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
