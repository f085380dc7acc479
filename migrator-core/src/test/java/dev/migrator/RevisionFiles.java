package dev.migrator;

import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: writes SQL revision files (SPEC §2.1 format) into a directory. */
final class RevisionFiles {

    private final Path dir;

    RevisionFiles(Path dir) {
        this.dir = dir;
    }

    String location() {
        return "filesystem:" + dir.toAbsolutePath();
    }

    Path file(String id) {
        return dir.resolve(id + "_revision.sql");
    }

    /** A configuration for {@code db} with these files, fast lock settings for tests. */
    MigratorConfiguration configure(TestDatabase db) {
        return Migrator.configure().dataSource(db.dataSource()).locations(location());
    }

    Migrator load(TestDatabase db) {
        return configure(db).load();
    }

    Rev revision(String id) {
        return new Rev(id);
    }

    /** A revision {@code id} creating table {@code table_<id>} and dropping it on downgrade. */
    Path table(String id, String... revises) {
        return revision(id).revises(revises).upgrade("CREATE TABLE table_" + id + " (id int PRIMARY KEY)")
                .downgrade("DROP TABLE table_" + id).write();
    }

    void delete(String id) {
        try {
            Files.delete(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Rev {
        private final String id;
        private final List<String> header = new ArrayList<>();
        private final List<String> upgrade = new ArrayList<>();
        private final List<String> downgrade = new ArrayList<>();
        private String verify;

        private Rev(String id) {
            this.id = id;
            header.add("-- Revision: " + id);
            header.add("-- Message: revision " + id);
        }

        Rev revises(String... parents) {
            header.add("-- Revises: " + String.join(", ", parents));
            return this;
        }

        Rev branchLabels(String... labels) {
            header.add("-- Branch-Labels: " + String.join(", ", labels));
            return this;
        }

        Rev dependsOn(String... ids) {
            header.add("-- Depends-On: " + String.join(", ", ids));
            return this;
        }

        Rev phase(String phase) {
            header.add("-- Phase: " + phase);
            return this;
        }

        Rev nonTransactional() {
            header.add("-- Transactional: false");
            return this;
        }

        Rev lockTimeout(String timeout) {
            header.add("-- Lock-Timeout: " + timeout);
            return this;
        }

        Rev irreversible(String reason) {
            header.add("-- Irreversible: " + reason);
            return this;
        }

        Rev upgrade(String... statements) {
            upgrade.addAll(List.of(statements));
            return this;
        }

        Rev downgrade(String... statements) {
            downgrade.addAll(List.of(statements));
            return this;
        }

        Rev verify(String query) {
            verify = query;
            return this;
        }

        Path write() {
            StringBuilder text = new StringBuilder();
            header.forEach(line -> text.append(line).append('\n'));
            text.append("\n-- migrate:upgrade\n");
            upgrade.forEach(s -> text.append(s).append(";\n"));
            if (!downgrade.isEmpty()) {
                text.append("\n-- migrate:downgrade\n");
                downgrade.forEach(s -> text.append(s).append(";\n"));
            }
            if (verify != null) {
                text.append("\n-- migrate:verify\n").append(verify).append(";\n");
            }
            try {
                Files.createDirectories(dir);
                return Files.writeString(file(id), text.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
