package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.internal.source.index.IndexFormat;
import dev.migrator.internal.source.index.IndexedFile;
import dev.migrator.internal.source.index.RevisionIndex;
import dev.migrator.internal.source.index.RevisionIndexWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The build writes the sample's revision index (the migrator:index goal in its pom, at process-classes), so
 * the application starts from it: the index is on the class path next to the revisions, describes every
 * revision file of the sources, and is current.
 */
class RevisionIndexBuildTest {

    @Test
    void theBuildWritesACurrentIndexOfEveryRevisionFile() throws IOException, URISyntaxException {
        URL resource = getClass().getClassLoader().getResource("db/migrations/" + RevisionIndex.FILE_NAME);
        assertThat(resource).as("migrator.index on the class path").isNotNull();
        RevisionIndex index;
        try (InputStream in = resource.openStream()) {
            index = IndexFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource.toString());
        }

        Path sources = Path.of("src/main/resources/db/migrations");
        try (var files = Files.list(sources)) {
            assertThat(index.files()).extracting(IndexedFile::relativePath)
                    .containsExactlyElementsOf(files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertThat(RevisionIndexWriter.check(Path.of(resource.toURI()).getParent(), "classpath:db/migrations"))
                .as("the index matches the files the build copied").isEmpty();
    }
}
