package dev.migrator.schema;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, which is also the byte order of their UTF-8 form: the order the
 * server sorts a snapshot's objects in when it computes the fingerprint ({@code ORDER BY
 * convert_to(..., 'UTF8')}), whatever the database's encoding and collation. {@link String#compareTo}
 * differs from it only for characters above U+FFFF against U+E000..U+FFFF, but the fingerprint must be
 * the same text on both sides, so both sort this way.
 */
final class CodePointOrder {

    static final Comparator<String> INSTANCE = CodePointOrder::compare;

    private CodePointOrder() {}

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (ca == cb) {
                i++;
                j++;
                continue;
            }
            if (!Character.isSurrogate(ca) && !Character.isSurrogate(cb)) {
                return Character.compare(ca, cb);
            }
            int pa = a.codePointAt(i);
            int pb = b.codePointAt(j);
            if (pa != pb) {
                return Integer.compare(pa, pb);
            }
            i += Character.charCount(pa);
            j += Character.charCount(pb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The larger of two values in this order: how a snapshot keeps one value when two rows give an attribute twice. */
    static String max(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }
}
