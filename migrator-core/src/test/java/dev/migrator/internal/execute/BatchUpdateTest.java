package dev.migrator.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresDialect;
import dev.migrator.operation.BatchProgress;
import dev.migrator.operation.Operations;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class BatchUpdateTest {

    private static final int ROWS = 30_000;

    private static void items(TestDatabase db) {
        db.execute("CREATE TABLE items (id bigserial PRIMARY KEY, status text, hits int NOT NULL DEFAULT 0, "
                + "payload int NOT NULL DEFAULT 0)");
        // odd ids qualify (status IS NULL), even ids must be left alone
        db.execute("INSERT INTO items (status) SELECT CASE WHEN g % 2 = 0 THEN 'keep' END FROM generate_series(1, "
                + ROWS + ") g");
    }

    private static void run(Connection connection, String revision, Consumer<Operations> body) {
        new OperationExecutor(connection, new PostgresDialect())
                .execute(Operations.record(body), ExecutionContext.of(revision, false));
    }

    @Test
    void updatesExactlyTheQualifyingRowsWhileAnotherSessionInsertsAndUpdates(TestDatabase db) throws Exception {
        items(db);
        Set<Long> setByWriter = Collections.synchronizedSet(new HashSet<>());
        Random random = new Random(42);
        List<BatchProgress> progress = new ArrayList<>();
        int iterations;
        try (ConcurrentWriter writer = new ConcurrentWriter(db, 20_000, 200, (connection, i) -> {
            long id = 1 + random.nextInt(ROWS);
            switch (i % 3) {
                case 0 -> ConcurrentWriter.update(connection, "INSERT INTO items (status) VALUES ('new')");
                case 1 -> ConcurrentWriter.update(connection, "UPDATE items SET payload = payload + 1 WHERE id = ?", id);
                default -> {
                    ConcurrentWriter.update(connection, "UPDATE items SET status = 'writer' WHERE id = ?", id);
                    setByWriter.add(id);
                }
            }
        }); Connection connection = db.connect()) {
            run(connection, "r1", op -> op.batchUpdate("items", "status = 'migrated'", "status IS NULL")
                    .batchSize(500)
                    .onProgress(p -> {
                        progress.add(p);
                        if (p.batch() == 2) {
                            writer.awaitIterations(); // make sure the writer really runs during the batches
                        }
                    }));
            iterations = writer.stop();
        }

        assertThat(iterations).isGreaterThanOrEqualTo(200);
        assertThat(db.count("SELECT count(*) FROM items WHERE status IS NULL")).isZero();
        assertThat(db.count("SELECT count(*) FROM items WHERE status = 'writer'")).isEqualTo(setByWriter.size());
        long oddSetByWriter = setByWriter.stream().filter(id -> id % 2 == 1).count();
        assertThat(db.count("SELECT count(*) FROM items WHERE status = 'migrated'")).isEqualTo(ROWS / 2 - oddSetByWriter);
        long evenSetByWriter = setByWriter.size() - oddSetByWriter;
        assertThat(db.count("SELECT count(*) FROM items WHERE status = 'keep'")).isEqualTo(ROWS / 2 - evenSetByWriter);
        assertThat(db.count("SELECT count(*) FROM items WHERE status = 'new'")).isEqualTo((iterations + 2) / 3);
        assertThat(db.count("SELECT coalesce(sum(payload), 0) FROM items")).isEqualTo((iterations + 1) / 3);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(db.count("SELECT count(*) FROM migrator_batch_progress")).isZero();
    }

    @Test
    void aRunStoppedAfterSomeBatchesResumesFromItsCursorWithoutRedoingThem(TestDatabase db) throws Exception {
        items(db);
        try (Connection connection = db.connect()) {
            assertThatThrownBy(() -> run(connection, "r1", op -> op.batchUpdate("items", "hits = hits + 1", null)
                    .batchSize(1000)
                    .onProgress(p -> {
                        if (p.batch() == 5) {
                            throw new IllegalStateException("process killed");
                        }
                    }))).hasMessage("process killed");
        }
        assertThat(db.queryValue("SELECT last_key FROM migrator_batch_progress WHERE revision = 'r1'")).isEqualTo("5000");
        assertThat(db.count("SELECT count(*) FROM items WHERE hits = 1")).isEqualTo(5000);

        List<BatchProgress> resumed = new ArrayList<>();
        try (Connection connection = db.connect()) {
            run(connection, "r1", op -> op.batchUpdate("items", "hits = hits + 1", null).batchSize(1000)
                    .onProgress(resumed::add));
        }
        assertThat(resumed.get(0).lastKey()).isEqualTo("6000");
        assertThat(resumed.get(0).rowsUpdated()).isEqualTo(1000);
        assertThat(resumed).hasSize(ROWS / 1000 - 5);
        // every row exactly once: a redone batch would show hits = 2, a skipped one hits = 0
        assertThat(db.count("SELECT count(*) FROM items WHERE hits <> 1")).isZero();
        assertThat(db.count("SELECT count(*) FROM migrator_batch_progress")).isZero();
    }

    @Test
    void aTerminatedBackendFailsClearlyAndTheRerunResumes(TestDatabase db) throws Exception {
        items(db);
        try (Connection connection = db.connect()) {
            int pid;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            assertThatThrownBy(() -> run(connection, "r2", op -> op.batchUpdate("items", "hits = hits + 1", null)
                    .batchSize(2000)
                    .onProgress(p -> {
                        if (p.batch() == 3) {
                            db.queryValue("SELECT pg_terminate_backend(" + pid + ")");
                        }
                    })))
                    .isInstanceOf(MigratorException.class)
                    .hasMessageContaining("failed in batch 4 after id = 6000")
                    .hasMessageContaining("running the migration again resumes after it");
        }
        try (Connection connection = db.connect()) {
            run(connection, "r2", op -> op.batchUpdate("items", "hits = hits + 1", null).batchSize(2000));
        }
        assertThat(db.count("SELECT count(*) FROM items WHERE hits <> 1")).isZero();
    }

    @Test
    void walksAnyUniqueKeyIncludingUuidsAndSchemaQualifiedTables(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA app");
        db.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
        db.execute("CREATE TABLE app.\"Docs\" (\"Key\" uuid PRIMARY KEY DEFAULT gen_random_uuid(), n int, done boolean)");
        db.execute("INSERT INTO app.\"Docs\" (n) SELECT g FROM generate_series(1, 5000) g");
        try (Connection connection = db.connect()) {
            run(connection, "r3", op -> op.batchUpdate("app.Docs", "done = (n % 2 = 0)", "done IS NULL").batchSize(333));
        }
        assertThat(db.count("SELECT count(*) FROM app.\"Docs\" WHERE done IS NULL")).isZero();
        assertThat(db.count("SELECT count(*) FROM app.\"Docs\" WHERE done")).isEqualTo(2500);
    }

    @Test
    void aTableWithoutASingleColumnKeyNeedsKeyColumn(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE pairs (a int, b int, c int, PRIMARY KEY (a, b))");
        db.execute("INSERT INTO pairs SELECT g, g, NULL FROM generate_series(1, 100) g");
        try (Connection connection = db.connect()) {
            assertThatThrownBy(() -> run(connection, "r4", op -> op.batchUpdate("pairs", "c = 1", "c IS NULL")))
                    .isInstanceOf(MigratorException.class)
                    .hasMessageContaining("the primary key of pairs has several columns")
                    .hasMessageContaining("keyColumn(...)");
            run(connection, "r4", op -> op.batchUpdate("pairs", "c = 1", "c IS NULL").keyColumn("a").batchSize(7));
        }
        assertThat(db.count("SELECT count(*) FROM pairs WHERE c = 1")).isEqualTo(100);
    }
}
