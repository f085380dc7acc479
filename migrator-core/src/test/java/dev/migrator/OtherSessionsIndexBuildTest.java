package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.migrator.result.MigrationResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a non-transactional revision the engine refuses to record it while an INVALID index appeared
 * during it; an index another session is still building concurrently is INVALID too, but not ours.
 */
@ExtendWith(FreshDatabase.class)
class OtherSessionsIndexBuildTest {

    private static final long GATE = 4242;

    @TempDir
    Path dir;

    @Test
    void anIndexAnotherSessionIsBuildingDuringTheRevisionDoesNotFailIt(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE busy (id int PRIMARY KEY, v int)");
        RevisionFiles files = new RevisionFiles(dir);
        // The revision waits at a gate the test holds, so the other build starts while it runs.
        files.revision("n001").nonTransactional()
                .upgrade("SELECT pg_advisory_lock(" + GATE + ")", "SELECT pg_advisory_unlock(" + GATE + ")",
                        "CREATE TABLE IF NOT EXISTS quiet (id int)")
                .downgrade("DROP TABLE IF EXISTS quiet").write();
        Migrator migrator = files.load(db);

        try (Connection gate = db.connect(); Statement gateStatement = gate.createStatement();
                Connection oldReader = db.connect(); Statement reader = oldReader.createStatement();
                Connection builder = db.connect()) {
            gateStatement.execute("SELECT pg_advisory_lock(" + GATE + ")");
            CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM pg_locks WHERE "
                    + "locktype = 'advisory' AND objid = " + GATE + " AND NOT granted") == 1);

            // Another session's CREATE INDEX CONCURRENTLY: its index exists, INVALID, while it waits
            // for a transaction that was open before it started.
            // REPEATABLE READ: the reader's snapshot lives as long as its transaction, so the build waits for it.
            oldReader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            oldReader.setAutoCommit(false);
            reader.execute("SELECT count(*) FROM busy");
            CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
                try (Statement s = builder.createStatement()) {
                    s.execute("CREATE INDEX CONCURRENTLY busy_v_idx ON busy (v)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indexrelid = to_regclass('busy_v_idx')") == 1);

            gateStatement.execute("SELECT pg_advisory_unlock(" + GATE + ")");
            MigrationResult result = run.get();

            assertThat(result.applied()).isEqualTo(1);
            assertThat(migrator.current()).containsExactly("n001");
            assertThat(db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indexrelid = to_regclass('busy_v_idx')"))
                    .as("the other build is still waiting, its index still INVALID").isEqualTo(1);

            oldReader.commit();
            build.get();
        }
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE indisvalid AND indexrelid = 'busy_v_idx'::regclass")).isEqualTo(1);
    }
}
