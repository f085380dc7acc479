package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigrationResult.StepResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The server shuts down (fast) in the middle of a non-transactional revision, then comes back: the run
 * fails as a lost connection saying the server is going down (no new connection can record anything),
 * its history row stays open, and the first run after the restart closes it and completes. Needs a
 * server of its own (the shared one must not stop), so it starts one on a data directory it keeps.
 */
class ServerRestartTest {

    private static final String SLEEP = "SELECT pg_sleep(coalesce(current_setting('migrator_test.sleep', true), '0')::float)";

    @TempDir
    Path data;

    @TempDir
    Path dir;

    private EmbeddedPostgres server(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").start();
    }

    private static PGSimpleDataSource dataSource(EmbeddedPostgres server, int sleepSeconds) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(server.getJdbcUrl("postgres", "postgres"));
        ds.setOptions("-c migrator_test.sleep=" + sleepSeconds);
        ds.setConnectTimeout(5);
        return ds;
    }

    private static long count(PGSimpleDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aServerShutdownMidRevisionIsALostConnectionAndTheRunAfterTheRestartClosesTheStepAndCompletes() throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("s001");
        files.revision("s002").revises("s001").nonTransactional().upgrade("CREATE TABLE IF NOT EXISTS slow (id int)", SLEEP)
                .downgrade("DROP TABLE IF EXISTS slow").write();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres first = server(port);
        MigratorException failure;
        try {
            PGSimpleDataSource slow = dataSource(first, 60);
            Migrator doomed = Migrator.configure().dataSource(slow).locations(files.location()).load();
            CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(() -> doomed.upgrade("heads"));
            PGSimpleDataSource watcher = dataSource(first, 0);
            Awaitility.await("the migrating session sleeping in s002").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50)).until(() -> count(watcher, "SELECT count(*) FROM pg_stat_activity"
                            + " WHERE application_name LIKE 'migrator migrating%' AND query LIKE '%pg_sleep%'"), n -> n == 1);

            first.close(); // pg_ctl stop -m fast: every session is terminated, new connections are refused

            try {
                run.get(60, TimeUnit.SECONDS);
                throw new AssertionError("the run survived the server's shutdown");
            } catch (ExecutionException e) {
                failure = (MigratorException) e.getCause();
            }
        } finally {
            first.close();
        }
        assertThat(failure.code()).isEqualTo(ErrorCode.CONNECTION_LOST);
        assertThat(failure.getMessage()).contains("s002").contains("s002_revision.sql:")
                .contains("A new connection, to record the failure, failed too")
                .contains("The next run records a step left open as failed")
                .endsWith("What to do: " + ErrorCode.CONNECTION_LOST.advice());

        EmbeddedPostgres second = server(port);
        try {
            PGSimpleDataSource ds = dataSource(second, 0);
            assertThat(count(ds, "SELECT count(*) FROM migrator_history WHERE revision = 's002' AND finished_at IS NULL"))
                    .as("nobody could record the failure while the server was down").isEqualTo(1);

            Migrator next = Migrator.configure().dataSource(ds).locations(files.location()).load();
            MigrationResult result = next.upgrade("heads");

            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("s002");
            assertThat(count(ds, "SELECT count(*) FROM migrator_history WHERE finished_at IS NULL")).isZero();
            assertThat(count(ds, "SELECT count(*) FROM migrator_history WHERE revision = 's002' AND NOT success"
                    + " AND error LIKE 'session ended before the step finished%'")).isEqualTo(1);
            assertThat(next.current()).containsExactly("s002");
            assertThat(Objects.requireNonNull(next.lastRun().orElseThrow()).success()).isTrue();
        } finally {
            second.close();
        }
    }
}
