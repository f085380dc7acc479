package dev.migrator.internal.source;

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

    /** Cloned per use: cheaper than a provider lookup for each of a thousand files. */
    private static final MessageDigest SHA_256 = sha256();

    private Checksum() {}

    /** @param text the decoded file ({@link SourceText#decode}: LF line endings, no BOM) */
    static String of(String text) {
        return hex(digest().digest(normalize(text).getBytes(StandardCharsets.UTF_8)));
    }

    static String normalize(String text) {
        // Most files are already normalised but for their final line break: find that out with
        // indexOf (fast even before the JIT warms up) instead of copying every line.
        return isTidy(text) ? text.substring(0, text.length() - 1) : rebuild(text);
    }

    /** Ends with exactly one line break after a non-blank last line, and no line has trailing whitespace. */
    private static boolean isTidy(String text) {
        int length = text.length();
        if (length < 2 || text.charAt(length - 1) != '\n' || Character.isWhitespace(text.charAt(length - 2))) {
            return false;
        }
        for (int nl = text.indexOf('\n'); nl < length - 1; nl = text.indexOf('\n', nl + 1)) {
            if (nl > 0 && text.charAt(nl - 1) != '\n' && Character.isWhitespace(text.charAt(nl - 1))) {
                return false;
            }
        }
        return true;
    }

    private static String rebuild(String text) {
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
        return normalized.toString();
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
