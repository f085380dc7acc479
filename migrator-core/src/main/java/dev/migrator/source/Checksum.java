package dev.migrator.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a SQL revision: SHA-256 (lower-case hex) of its text with line endings
 * normalised to LF, trailing whitespace removed from every line and trailing blank lines dropped.
 * A CRLF checkout, a byte-order mark or an editor trimming whitespace is therefore not an edit;
 * any other change, including to comments, is.
 */
final class Checksum {

    private Checksum() {}

    /** @param text the decoded file ({@link SourceText#decode}: LF line endings, no BOM) */
    static String of(String text) {
        StringBuilder normalized = new StringBuilder(text.length());
        int lineStart = 0;
        int keptLength = 0; // length of normalized up to the last non-blank line, so trailing blank lines drop out
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int end = lineEnd;
            while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (normalized.length() > 0 || lineStart > 0) {
                normalized.append('\n');
            }
            normalized.append(text, lineStart, end);
            if (end > lineStart) {
                keptLength = normalized.length();
            }
            lineStart = lineEnd + 1;
        }
        normalized.setLength(keptLength);
        return sha256(normalized.toString());
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
