package dev.migrator.internal.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns the bytes of a SQL file into text: UTF-8, no byte-order mark, '\n' line endings. */
final class SourceText {

    private SourceText() {}

    static String decode(String source, byte[] bytes) {
        // The lenient decoder is much faster (it has a vectorised path for ASCII) and replaces what it
        // cannot decode with U+FFFD; only a text containing U+FFFD needs the strict decoder to tell a
        // malformed file from one that holds that character.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = strictDecode(source, bytes);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return normalizeLineEndings(text);
    }

    private static String strictDecode(String source, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RevisionLoadException(source + ": the file is not valid UTF-8. Save it as UTF-8 "
                    + "(migration files are always read as UTF-8, whatever the platform encoding).", e);
        }
    }

    /** CRLF and lone CR become LF, so a Windows checkout parses (and checksums) like a Unix one. */
    static String normalizeLineEndings(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
