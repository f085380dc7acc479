package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TcpRelay;
import dev.migrator.testsupport.TestDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database that is not up yet, one that never comes, and one that stops answering, each a real
 * PostgreSQL behind a {@link TcpRelay}.
 */
@ExtendWith(FreshDatabase.class)
class DatabaseWaitTest {

    @TempDir
    Path dir;

    private RevisionFiles files() {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("r001");
        return files;
    }

    @Test
    void anUpgradeWaitsForADatabaseThatStartsLater(TestDatabase db) throws Exception {
        try (TcpRelay relay = TcpRelay.to(db)) {
            CountingDataSource dataSource = new CountingDataSource(relay.url(db));
            Migrator migrator = Migrator.configure().dataSource(dataSource).locations(files().location())
                    .connectRetries(10).connectRetriesInterval(Duration.ofSeconds(1)).load();

            CompletableFuture<MigrationResult> upgrade = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
            await().atMost(Duration.ofSeconds(30)).until(() -> dataSource.attempts.get() >= 2);
            assertThat(upgrade).isNotDone();
            relay.open();

            assertThat(upgrade.get(30, TimeUnit.SECONDS).applied()).isEqualTo(1);
            assertThat(db.tableExists("table_r001")).isTrue();
        }
    }

    @Test
    void aDatabaseThatNeverComesFailsAfterTheConfiguredRetries(TestDatabase db) {
        try (TcpRelay relay = TcpRelay.to(db)) {
            CountingDataSource dataSource = new CountingDataSource(relay.url(db));
            Migrator migrator = Migrator.configure().dataSource(dataSource).locations(files().location())
                    .connectRetries(2).connectRetriesInterval(Duration.ofMillis(500)).load();

            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigratorException.class)
                    .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.CONNECTION_FAILED));

            assertThat(dataSource.attempts).hasValue(3);
        }
    }

    @Test
    void withoutRetriesTheFirstRefusalFails(TestDatabase db) {
        try (TcpRelay relay = TcpRelay.to(db)) {
            CountingDataSource dataSource = new CountingDataSource(relay.url(db));
            Migrator migrator = Migrator.configure().dataSource(dataSource).locations(files().location()).load();

            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigratorException.class);

            assertThat(dataSource.attempts).hasValue(1);
        }
    }

    @Test
    void aStatusReadNeverWaitsForTheDatabase(TestDatabase db) {
        try (TcpRelay relay = TcpRelay.to(db)) {
            CountingDataSource dataSource = new CountingDataSource(relay.url(db));
            Migrator migrator = Migrator.configure().dataSource(dataSource).locations(files().location())
                    .connectRetries(10).load();

            assertThatThrownBy(migrator::status).isInstanceOf(MigratorException.class)
                    .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.CONNECTION_FAILED))
                    .hasMessageContaining("is up and reachable").hasMessageNotContaining("create tables");

            assertThat(dataSource.attempts).hasValue(1);
        }
    }

    @Test
    void aStatusReadTheDatabaseDoesNotAnswerEndsAfterTheReadTimeout(TestDatabase db) throws Exception {
        Migrator migrator = files().configure(db).readTimeout(Duration.ofMillis(500)).load();
        migrator.upgrade("heads");
        try (Connection blocker = db.connect(); Statement statement = blocker.createStatement()) {
            // the server answers nothing until this transaction ends: the status read waits for its lock
            blocker.setAutoCommit(false);
            statement.execute("LOCK TABLE migrator_version IN ACCESS EXCLUSIVE MODE");

            // without the bound this read waits as long as the lock is held
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(migrator::status)
                    .isInstanceOf(MigratorException.class)
                    .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.CONNECTION_LOST))
                    .hasMessageNotContaining("create tables"));
            blocker.rollback();
        }
        assertThat(migrator.status().state()).as("the next read is answered").isEqualTo(MigrationState.UP_TO_DATE);
    }

    @Test
    void theDatabaseIsNamedByHostPortAndNameWithoutCredentials() {
        assertThat(dev.migrator.internal.execute.DatabaseWait.describe("jdbc:postgresql://app:s3cret@db.internal:5432/shop?password=x"))
                .isEqualTo("db.internal:5432/shop");
        assertThat(dev.migrator.internal.execute.DatabaseWait.describe("jdbc:postgresql://db1:5432,db2:5432/shop?user=app"))
                .isEqualTo("db1:5432,db2:5432/shop");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://db.internal:6543/shop?password=s3cret");
        assertThat(dev.migrator.internal.execute.DatabaseWait.describe(dataSource)).isEqualTo("db.internal:6543/shop");
    }

    /** A real PostgreSQL DataSource that counts how often a connection was asked for. */
    private static final class CountingDataSource implements DataSource {
        final AtomicInteger attempts = new AtomicInteger();
        private final PGSimpleDataSource target = new PGSimpleDataSource();

        CountingDataSource(String url) {
            target.setUrl(url);
            target.setConnectTimeout(2);
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            attempts.incrementAndGet();
            return target.getConnection(username, password);
        }

        public String getUrl() {
            return target.getUrl();
        }

        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
