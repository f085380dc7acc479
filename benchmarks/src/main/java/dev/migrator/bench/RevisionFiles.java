package dev.migrator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated revisions: revision {@code n} creates table {@code bench_t<n>} and an index on it. The
 * same statements are written twice, once per file format:
 * <ul>
 * <li>{@code migrator/<id>_create_bench_t<n>.sql}: Migrator's format (header, upgrade and downgrade
 * sections), read by Migrator and by the raw-JDBC contender;</li>
 * <li>{@code migrator-indexed/}: the same Migrator files and their build-time revision index;</li>
 * <li>{@code flyway/V<n>__create_bench_t<n>.sql}: the upgrade statements only, read by Flyway.</li>
 * </ul>
 * Ids are 12 hex characters increasing with {@code n}, so file-name order is revision order.
 */
record RevisionFiles(Path root, int count) {

    static RevisionFiles generate(Path root, int count) throws IOException {
        Path migrator = Files.createDirectories(root.resolve("migrator"));
        Path flyway = Files.createDirectories(root.resolve("flyway"));
        for (int n = 1; n <= count; n++) {
            String table = String.format("bench_t%04d", n);
            String upgrade = "CREATE TABLE " + table
                    + " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n"
                    + "CREATE INDEX " + table + "_name_idx ON " + table + " (name);\n";
            StringBuilder m = new StringBuilder();
            m.append("-- Revision: ").append(id(n)).append('\n');
            if (n > 1) {
                m.append("-- Revises: ").append(id(n - 1)).append('\n');
            }
            m.append("-- Message: create ").append(table).append("\n\n");
            m.append("-- migrate:upgrade\n").append(upgrade).append('\n');
            m.append("-- migrate:downgrade\nDROP TABLE ").append(table).append(";\n");
            Files.writeString(migrator.resolve(id(n) + "_create_" + table + ".sql"), m, StandardCharsets.UTF_8);
            Files.writeString(flyway.resolve("V" + n + "__create_" + table + ".sql"), upgrade, StandardCharsets.UTF_8);
        }
        // The indexed location: the same files and their build-time index (written here, before any clock runs,
        // as a build would write it).
        Path indexed = Files.createDirectories(root.resolve("migrator-indexed"));
        try (java.util.stream.Stream<Path> list = Files.list(migrator)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                Files.copy(file, indexed.resolve(file.getFileName()));
            }
        }
        dev.migrator.internal.source.index.RevisionIndexWriter.write(indexed, "filesystem:" + indexed);
        return new RevisionFiles(root, count);
    }

    static String id(int n) {
        return String.format("%012x", 0xbe0000000000L + n);
    }

    Path migratorDir() {
        return root.resolve("migrator");
    }

    /** The Migrator files plus their revision index ({@code migrator.index}). */
    Path indexedDir() {
        return root.resolve("migrator-indexed");
    }

    Path flywayDir() {
        return root.resolve("flyway");
    }
}
