package dev.migrator.source;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;

/** A revision file or class is malformed, or a location cannot be read. The message names the file (and line) and what to do. */
public class RevisionLoadException extends MigratorException {

    private static final long serialVersionUID = 1L;

    /** A malformed revision ({@link ErrorCode#REVISION_MALFORMED}). */
    public RevisionLoadException(String message) {
        super(ErrorCode.REVISION_MALFORMED, message);
    }

    /** A malformed revision ({@link ErrorCode#REVISION_MALFORMED}). */
    public RevisionLoadException(String message, Throwable cause) {
        super(ErrorCode.REVISION_MALFORMED, message, cause);
    }

    public RevisionLoadException(ErrorCode code, String message) {
        super(code, message);
    }

    public RevisionLoadException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
