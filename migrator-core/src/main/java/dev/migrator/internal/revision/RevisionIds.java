package dev.migrator.internal.revision;

/**
 * The syntax of revision ids and branch labels (SPEC §2), in one place for the graph and the loaders.
 * Labels never contain '@', ',' or ':', which targets use as separators.
 */
public final class RevisionIds {

    public static final String ID_RULE = "1 to 64 characters of A-Z, a-z, 0-9 and _";
    public static final String LABEL_RULE = "1 to 64 characters of A-Z, a-z, 0-9, _, . and -, starting with a letter, digit or _";

    private RevisionIds() {}

    public static boolean isValidId(String id) {
        return matches(id, false);
    }

    /** The graph's rule: labels may also contain '.' and '-' but not start with them, and never '@', ',' or ':' (used in targets). */
    public static boolean isValidLabel(String label) {
        return matches(label, true) && label.charAt(0) != '-' && label.charAt(0) != '.';
    }

    private static boolean matches(String s, boolean allowPunctuation) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || (allowPunctuation && (c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
