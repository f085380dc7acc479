package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.safety.SafetyReport.Finding;
import dev.migrator.safety.Rule;
import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample's revisions show the safe patterns, so the linter finds nothing in them, even offline (where
 * every table from an earlier revision counts as large); and an unsafe twin of each revision (same id, same
 * parents, the unsafe way of doing the same thing) is flagged, and only the twin.
 */
class SampleRevisionsSafetyTest {

    private static final Path SAMPLE = Path.of("src/main/resources/db/migrations");
    private static final Path TWINS = Path.of("src/test/resources/unsafe-twins");
    private static final Pattern EXPECTED = Pattern.compile("flagged by ([a-z-]+)");

    @TempDir
    Path dir;

    private static Migrator offline(String location, Migration javaRevision) {
        return Migrator.configure().url("jdbc:postgresql://localhost:1/not_used", null, null).locations(location)
                .migrations(javaRevision).load();
    }

    @Test
    void theSampleRevisionsLintClean() {
        SafetyReport report = offline("filesystem:" + SAMPLE.toAbsolutePath(), new CreateOrderTotalsView())
                .analyze("heads", SafetyOptions.offline());
        assertThat(report.revisions()).hasSize(12);
        assertThat(report.findings()).as(report.format()).isEmpty();
    }

    static Stream<Path> twins() throws IOException {
        try (Stream<Path> files = Files.list(TWINS)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("twins")
    void eachUnsafeTwinIsFlagged(Path twin) throws IOException {
        String id = twin.getFileName().toString().substring(0, 12);
        copySampleWithout(id);
        Files.copy(twin, dir.resolve(twin.getFileName()));
        Rule expected = expectedRule(twin);
        SafetyReport report = offline("filesystem:" + dir, new CreateOrderTotalsView()).analyze("heads", SafetyOptions.offline());
        assertThat(report.findingsOf(id)).as(report.format()).extracting(Finding::rule).contains(expected);
        assertThat(report.findings()).as("only the twin is flagged").allMatch(f -> f.revision().equals(id));
        assertThat(report.findingsOf(id)).noneMatch(Finding::suppressed);
    }

    @Test
    void theJavaRevisionsUnsafeTwinIsFlagged() throws IOException {
        copySampleWithout("none");
        SafetyReport report = offline("filesystem:" + dir, new UnsafeOrderTotalsView()).analyze("heads", SafetyOptions.offline());
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.revision()).isEqualTo("a5c2b1d03f12");
            assertThat(f.rule()).isEqualTo(Rule.CREATE_INDEX_NON_CONCURRENTLY);
            assertThat(f.where()).isEqualTo("java:" + UnsafeOrderTotalsView.class.getName() + " operation 1");
        });
    }

    @Test
    void everySampleRevisionHasATwin() throws IOException {
        List<String> twinIds = twins().map(p -> p.getFileName().toString().substring(0, 12)).toList();
        try (Stream<Path> files = Files.list(SAMPLE)) {
            assertThat(files.map(p -> p.getFileName().toString().substring(0, 12)))
                    .containsExactlyInAnyOrderElementsOf(twinIds);
        }
    }

    private void copySampleWithout(String id) throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().startsWith(id)) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
    }

    private static Rule expectedRule(Path twin) throws IOException {
        Matcher m = EXPECTED.matcher(Files.readString(twin));
        assertThat(m.find()).as("%s says which rule flags it", twin).isTrue();
        return Rule.byId(m.group(1));
    }
}
