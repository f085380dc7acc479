package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code classpath:} location inside a jar: SQL files and Java revision classes are both found. */
class RevisionLoaderJarTest {

    private static final String PACKAGE_DIR = "loadertest/migrations/";

    /**
     * Hides the test class path's own copy of {@code loadertest}, so that whatever is found can only
     * come from the jar.
     */
    private static final class HidingLoader extends ClassLoader {
        HidingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("loadertest.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("loadertest") ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("loadertest") ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }

    @Test
    void findsSqlFilesAndJavaRevisionsInAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            directory(out, "loadertest/");
            directory(out, PACKAGE_DIR);
            file(out, PACKAGE_DIR + "0001_base.sql",
                    "-- Revision: jar0001\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\nSELECT 1;\n");
            file(out, PACKAGE_DIR + "JarRevision.class", classBytes("loadertest/migrations/JarRevision.class"));
            directory(out, PACKAGE_DIR + "nested/");
            file(out, PACKAGE_DIR + "nested/0003_more.sql",
                    "-- Revision: jar0003\n-- Revises: jar0002\n-- migrate:upgrade\nSELECT 3;\n-- migrate:downgrade\nSELECT 3;\n");
            file(out, PACKAGE_DIR + "notes.txt", "not a migration");
        }

        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                new HidingLoader(getClass().getClassLoader()))) {
            List<LoadedRevision> revisions = RevisionLoader.load(List.of("classpath:loadertest/migrations"), classLoader, List.of());

            assertThat(revisions).extracting(LoadedRevision::source).containsExactly(
                    "classpath:loadertest/migrations/0001_base.sql",
                    "classpath:loadertest/migrations/nested/0003_more.sql",
                    "java:loadertest.migrations.JarRevision");
            assertThat(revisions).extracting(LoadedRevision::id).containsExactly("jar0001", "jar0003", "jar0002");
            Object migration = ((RevisionBody.Java) revisions.get(2).body()).migration();
            assertThat(migration.getClass().getClassLoader()).as("defined by the jar's loader").isSameAs(classLoader);
        }
    }

    private static byte[] classBytes(String resource) throws IOException {
        try (InputStream in = RevisionLoaderJarTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static void directory(JarOutputStream out, String name) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.closeEntry();
    }

    private static void file(JarOutputStream out, String name, String content) throws IOException {
        file(out, name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void file(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
