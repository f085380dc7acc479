package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.result.MigrationResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class ConcurrentInstancesTest {

    private static final int INSTANCES = 8;

    @TempDir
    Path dir;

    /** Starts {@code INSTANCES} migrators at once (each its own connection) and returns their results. */
    private static List<MigrationResult> upgradeAtOnce(List<Migrator> migrators) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(migrators.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrationResult>> futures = new ArrayList<>();
            for (Migrator migrator : migrators) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return migrator.upgrade("heads");
                }));
            }
            start.countDown();
            List<MigrationResult> results = new ArrayList<>();
            for (Future<MigrationResult> future : futures) {
                // A failure bound against hangs, not a performance assertion.
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eightInstancesStartedAtOnceApplyEveryRevisionExactlyOnce(TestDatabase db) throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        int revisions = 15;
        for (int i = 1; i <= revisions; i++) {
            files.revision(String.format("c%03d", i)).revises(i == 1 ? new String[0] : new String[] {String.format("c%03d", i - 1)})
                    .upgrade("CREATE TABLE t" + i + " (id int)", "INSERT INTO t" + i + " VALUES (" + i + ")")
                    .downgrade("DROP TABLE t" + i).write();
        }
        List<Migrator> migrators = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            migrators.add(files.load(db));
        }

        List<MigrationResult> results = upgradeAtOnce(migrators);

        assertThat(results.stream().mapToInt(MigrationResult::applied).sum()).isEqualTo(revisions);
        assertThat(results).allSatisfy(r -> assertThat(r.after()).containsExactly(String.format("c%03d", revisions)));
        assertThat(db.count("SELECT count(*) FROM migrator_history")).isEqualTo(revisions);
        assertThat(db.count("SELECT count(*) FROM (SELECT revision FROM migrator_history WHERE success"
                + " AND direction = 'upgrade' GROUP BY revision HAVING count(*) = 1) once")).isEqualTo(revisions);
    }

    @Test
    void aConcurrentIndexBuildCompletesWhileTheOtherInstancesWait(TestDatabase db) throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("i001").upgrade("CREATE TABLE orders (id int, customer int)",
                "INSERT INTO orders SELECT g, g % 100 FROM generate_series(1, 20000) g").downgrade("DROP TABLE orders").write();
        files.revision("i002").revises("i001").nonTransactional()
                .upgrade("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer ON orders (customer)")
                .downgrade("DROP INDEX CONCURRENTLY IF EXISTS orders_customer").write();
        files.table("i003", "i002");
        List<Migrator> migrators = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            migrators.add(files.load(db));
        }

        List<MigrationResult> results = upgradeAtOnce(migrators);

        assertThat(results.stream().mapToInt(MigrationResult::applied).sum()).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " WHERE c.relname = 'orders_customer' AND i.indisvalid")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE success")).isEqualTo(3);
        assertThat(db.queryValue("SELECT revision FROM migrator_version")).isEqualTo("i003");
    }
}
