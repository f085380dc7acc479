package dev.migrator.source;

import dev.migrator.MigratorException;

/** A revision file or class is malformed. The message names the file (and line) and what to do. */
public class RevisionLoadException extends MigratorException {

    private static final long serialVersionUID = 1L;

    public RevisionLoadException(String message) {
        super(message);
    }

    public RevisionLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
