package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A merge revision may be empty: it only joins branches, as Alembic's merges do. */
@ExtendWith(FreshDatabase.class)
class EmptyMergeRevisionTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyMergeRevisionJoinsTheBranchesAndGoesBackDown(TestDatabase db) throws IOException {
        write("m0001_base.sql", "-- Revision: m0001\n-- migrate:upgrade\nCREATE TABLE a (id int);\n-- migrate:downgrade\nDROP TABLE a;\n");
        write("m0002_left.sql", "-- Revision: m0002\n-- Revises: m0001\n-- migrate:upgrade\nALTER TABLE a ADD l int;\n"
                + "-- migrate:downgrade\nALTER TABLE a DROP l;\n");
        write("m0003_right.sql", "-- Revision: m0003\n-- Revises: m0001\n-- migrate:upgrade\nALTER TABLE a ADD r int;\n"
                + "-- migrate:downgrade\nALTER TABLE a DROP r;\n");
        write("m0004_merge.sql", "-- Revision: m0004\n-- Revises: m0002, m0003\n-- Message: merge\n"
                + "-- migrate:upgrade\n-- migrate:downgrade\n");
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).load();

        migrator.upgrade("head");
        assertThat(migrator.current()).containsExactly("m0004");

        migrator.downgrade("-1");
        assertThat(migrator.current()).containsExactlyInAnyOrder("m0002", "m0003");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
