package dev.migrator.bench;

import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.Revision;
import dev.migrator.operation.BatchProgress;
import dev.migrator.operation.Operations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Migrator's {@code op.batchUpdate} in a Java revision, run by {@code Migrator.upgrade}. Batch durations
 * come from the progress callback: {@link BatchProgress#elapsed()} after each committed batch, so one
 * batch's duration is the difference between two consecutive callbacks (its SELECT of the next key range,
 * its UPDATE, its cursor save and its commit).
 */
final class MigratorBatchUpdate implements BatchUpdateBenchmark.BatchContender {

    static final String NAME = "Migrator batchUpdate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Long> run(Db db, int batchSize) throws Exception {
        List<Long> batches = new ArrayList<>();
        long[] previous = {0};
        BatchProgress.Listener listener = progress -> {
            long elapsed = progress.elapsed().toNanos();
            batches.add(elapsed - previous[0]);
            previous[0] = elapsed;
        };
        Path empty = Files.createTempDirectory("migrator-bench-no-sql");
        Migrator.configure()
                .url(db.url(), db.user(), db.password())
                .locations("filesystem:" + empty)
                .migrations(new UpdateAllRows(batchSize, listener))
                .load()
                .upgrade("heads");
        Files.delete(empty);
        return batches;
    }

    @Revision(id = "bb0000000001", message = "set v = v + 1 on every row of bench_rows",
            transactional = false, irreversible = "a benchmark's data change")
    static final class UpdateAllRows implements Migration {
        private final int batchSize;
        private final BatchProgress.Listener listener;

        UpdateAllRows(int batchSize, BatchProgress.Listener listener) {
            this.batchSize = batchSize;
            this.listener = listener;
        }

        @Override
        public void upgrade(Operations op) {
            op.batchUpdate("bench_rows", "v = v + 1", null).batchSize(batchSize).onProgress(listener);
        }
    }
}
