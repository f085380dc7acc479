package dev.migrator.source;

/** The syntax of revision ids and branch labels (SPEC §2). */
final class Ids {

    static final String ID_RULE = "1 to 64 characters of A-Z, a-z, 0-9 and _";
    static final String LABEL_RULE = "1 to 64 characters of A-Z, a-z, 0-9, _ and -";

    private Ids() {}

    static boolean isValidId(String id) {
        return matches(id, false);
    }

    /** Labels may also contain '-' (they never appear where a revision id could be confused with them). */
    static boolean isValidLabel(String label) {
        return matches(label, true);
    }

    private static boolean matches(String s, boolean allowDash) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || (allowDash && c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
