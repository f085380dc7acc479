package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.source.index.IndexFormat;
import dev.migrator.internal.source.index.RevisionIndex;
import dev.migrator.internal.source.index.RevisionIndexWriter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code classpath:} location in jars that carry their revision index, as an application's jar does. */
class IndexedJarTest {

    private static final String LOCATION = "indexjar/migrations";

    @TempDir
    Path dir;

    private static String revision(String id, String table) {
        return "-- Revision: " + id + "\n-- migrate:upgrade\nCREATE TABLE " + table + " (id int);\n"
                + "-- migrate:downgrade\nDROP TABLE " + table + ";\n";
    }

    /** A jar holding {@code files} below the location and the index built from them (or from {@code indexed}). */
    private Path jar(String name, Map<String, String> files, Map<String, String> indexed) throws IOException {
        Path source = Files.createDirectories(dir.resolve(name + "-src"));
        for (Map.Entry<String, String> file : indexed.entrySet()) {
            Files.writeString(source.resolve(file.getKey()), file.getValue());
        }
        String index = IndexFormat.write(RevisionIndexWriter.build(source, "classpath:" + LOCATION));
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("indexjar/"));
            out.putNextEntry(new JarEntry(LOCATION + "/"));
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new JarEntry(LOCATION + "/" + file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
            out.putNextEntry(new JarEntry(LOCATION + "/" + RevisionIndex.FILE_NAME));
            out.write(index.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static List<LoadedRevision> load(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        // no parent class path: the test's own resources must not add roots
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            return RevisionLoader.load(List.of("classpath:" + LOCATION), loader, List.of());
        }
    }

    @Test
    void revisionsComeFromEachJarsIndexAndFilesAreReadFromTheirOwnJar() throws IOException {
        // both jars hold 0001_init.sql: each revision must be read from its own jar, not the first match
        Path first = jar("first", Map.of("0001_init.sql", revision("one0001", "t_one")),
                Map.of("0001_init.sql", revision("one0001", "t_one")));
        Path second = jar("second", Map.of("0001_init.sql", revision("two0001", "t_two")),
                Map.of("0001_init.sql", revision("two0001", "t_two")));

        List<LoadedRevision> revisions = load(first, second);

        assertThat(revisions).extracting(LoadedRevision::id).containsExactlyInAnyOrder("one0001", "two0001");
        for (LoadedRevision revision : revisions) {
            String table = revision.id().startsWith("one") ? "t_one" : "t_two";
            assertThat(((RevisionBody.Sql) revision.body()).upgrade())
                    .extracting(SqlStatement::sql).containsExactly("CREATE TABLE " + table + " (id int)");
        }
    }

    @Test
    void aJarEntryThatDiffersFromTheIndexIsStaleWhenItRuns() throws IOException {
        Map<String, String> indexed = new LinkedHashMap<>();
        indexed.put("0001_a.sql", revision("a0001", "t_a"));
        Map<String, String> packaged = Map.of("0001_a.sql", revision("a0001", "t_b")); // same size, other table
        List<LoadedRevision> revisions = load(jar("edited", packaged, indexed));

        RevisionBody body = revisions.get(0).body();
        assertThatThrownBy(body::read)
                .isInstanceOf(MigratorException.class)
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_INDEX_STALE))
                .hasMessageContaining("classpath:indexjar/migrations/0001_a.sql (revision a0001) changed after the revision index");
    }

    @Test
    void aJarWhoseFilesAreNotTheIndexedOnesFailsAtLoad() throws IOException {
        Map<String, String> indexed = Map.of("0001_a.sql", revision("a0001", "t_a"));
        Map<String, String> packaged = Map.of("0001_a.sql", revision("a0001", "t_a"), "0002_b.sql", revision("b0002", "t_b"));

        assertThatThrownBy(() -> load(jar("grown", packaged, indexed)))
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_INDEX_STALE))
                .hasMessageContaining("0002_b.sql is not in the index");
    }
}
