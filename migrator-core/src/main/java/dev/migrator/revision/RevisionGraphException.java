package dev.migrator.revision;

import dev.migrator.MigratorException;

/** The revisions do not form a valid graph (duplicate id, unknown parent, cycle, ...), or a target is invalid. */
public class RevisionGraphException extends MigratorException {

    private static final long serialVersionUID = 1L;

    public RevisionGraphException(String message) {
        super(message);
    }
}
