package dev.migrator.internal.revision;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;

/** The revisions do not form a valid graph (duplicate id, unknown parent, cycle, ...), or a target is invalid. */
class RevisionGraphException extends MigratorException {

    private static final long serialVersionUID = 1L;

    /** An invalid target ({@link ErrorCode#TARGET_INVALID}). */
    public RevisionGraphException(String message) {
        super(ErrorCode.TARGET_INVALID, message);
    }

    public RevisionGraphException(ErrorCode code, String message) {
        super(code, message);
    }
}
