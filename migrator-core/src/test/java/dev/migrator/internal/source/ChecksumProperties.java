package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The checksum's normalisation (with its shortcut for tidy files) agrees with its definition on any text. */
class ChecksumProperties {

    @Property(tries = 2000)
    void normalisationStripsEachLineAndDropsTrailingBlankLines(@ForAll("texts") String text) {
        assertThat(Checksum.normalize(text)).isEqualTo(byDefinition(text));
    }

    @Property
    void aTidyFileAndItsUntidyCopiesHaveOneChecksum(@ForAll("texts") String text) {
        String untidy = text.replace("\n", " \t\n") + "\n  \n\n";
        assertThat(Checksum.of(untidy)).isEqualTo(Checksum.of(text));
    }

    /** SPEC §2.1 in a few lines: strip every line's trailing whitespace, drop the blank lines at the end. */
    private static String byDefinition(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.replaceAll(String::stripTrailing);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    @Provide
    Arbitrary<String> texts() {
        // Mostly the characters that matter here: line breaks and the kinds of whitespace.
        return Arbitraries.strings()
                .withChars('a', 'b', ';', ' ', '\t', '\n', '\u000B', '\f', '\u001F', '\u00A0', '\u2003')
                .ofMaxLength(40);
    }
}
