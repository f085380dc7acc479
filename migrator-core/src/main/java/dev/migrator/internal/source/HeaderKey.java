package dev.migrator.internal.source;

import java.util.ArrayList;
import java.util.List;

/** The header keys of a SQL revision ({@code -- Key: value}); matched case-insensitively. */
enum HeaderKey {
    REVISION("Revision"),
    REVISES("Revises"),
    MESSAGE("Message"),
    BRANCH_LABELS("Branch-Labels"),
    DEPENDS_ON("Depends-On"),
    PHASE("Phase"),
    TRANSACTIONAL("Transactional"),
    LOCK_TIMEOUT("Lock-Timeout"),
    IRREVERSIBLE("Irreversible");

    private final String displayName;

    HeaderKey(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    /** The key named {@code name} (any case), or null. */
    static HeaderKey lookup(String name) {
        for (HeaderKey key : values()) {
            if (key.displayName.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    static List<String> displayNames() {
        List<String> names = new ArrayList<>();
        for (HeaderKey key : values()) {
            names.add(key.displayName);
        }
        return names;
    }
}
