package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A linear history of generated SQL revisions shaped like a real one: mostly new tables (id, name,
 * created_at), every tenth revision an index built {@code CONCURRENTLY} (non-transactional, so the
 * idempotency check reruns it), every tenth from the fifth a new column with a verify query.
 */
final class GeneratedHistory {

    private GeneratedHistory() {}

    static void write(Path directory, int revisions) throws IOException {
        Files.createDirectories(directory);
        for (int n = 1; n <= revisions; n++) {
            String id = id(n);
            StringBuilder file = new StringBuilder("-- Revision: ").append(id).append('\n');
            if (n > 1) {
                file.append("-- Revises: ").append(id(n - 1)).append('\n');
            }
            String table = "bench_t" + lastTable(n);
            if (n % 10 == 0) {
                file.append("-- Message: index ").append(table).append(".name\n-- Transactional: false\n\n")
                        .append("-- migrate:upgrade\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ").append(table)
                        .append("_name_idx ON ").append(table).append(" (name);\n\n")
                        .append("-- migrate:downgrade\nDROP INDEX CONCURRENTLY IF EXISTS ").append(table).append("_name_idx;\n");
            } else if (n % 10 == 5) {
                file.append("-- Message: ").append(table).append(".note\n\n")
                        .append("-- migrate:upgrade\nALTER TABLE ").append(table).append(" ADD COLUMN note text;\n\n")
                        .append("-- migrate:downgrade\nALTER TABLE ").append(table).append(" DROP COLUMN note;\n\n")
                        .append("-- migrate:verify\nSELECT count(*) = 0 FROM ").append(table).append(" WHERE note = '';\n");
            } else {
                table = "bench_t" + n;
                file.append("-- Message: create ").append(table).append("\n\n")
                        .append("-- migrate:upgrade\nCREATE TABLE ").append(table)
                        .append(" (id bigserial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n\n")
                        .append("-- migrate:downgrade\nDROP TABLE ").append(table).append(";\n");
            }
            Files.writeString(directory.resolve(id + ".sql"), file);
        }
    }

    /** The newest table at revision {@code n} (tables are created by revisions not ending in 0 or 5). */
    private static int lastTable(int n) {
        int t = n - 1;
        while (t % 10 == 0 || t % 10 == 5) {
            t--;
        }
        return t;
    }

    static String id(int n) {
        return String.format("%012x", n);
    }
}
