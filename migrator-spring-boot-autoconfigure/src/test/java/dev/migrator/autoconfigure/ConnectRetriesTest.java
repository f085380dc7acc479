package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.migrator.Migrator;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TcpRelay;
import dev.migrator.testsupport.TestDatabase;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A pod that starts before its database waits for it (migrator.connect-retries) instead of dying. */
@ExtendWith({FreshDatabase.class, OutputCaptureExtension.class})
class ConnectRetriesTest {

    private static final String PASSWORD = "Url-pa55word";

    @Test
    void startupWaitsForADatabaseThatComesUpLaterAndLogsEachWaitWithTheHostOnly(TestDatabase db, CapturedOutput output)
            throws Exception {
        try (TcpRelay database = TcpRelay.to(db)) {
            ApplicationContextRunner runner = new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
                    .withPropertyValues("spring.datasource.url=" + database.url(db) + "&password=" + PASSWORD,
                            "migrator.connect-retries=20", "migrator.connect-retries-interval=1s");
            CompletableFuture<Set<String>> started = CompletableFuture.supplyAsync(() -> {
                AtomicReference<Set<String>> current = new AtomicReference<>();
                runner.run(context -> {
                    assertThat(context).hasNotFailed();
                    current.set(context.getBean(Migrator.class).current());
                });
                return current.get();
            });

            await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("retry 2 of 20"));
            assertThat(started).isNotDone();
            database.open();

            assertThat(started.get(60, TimeUnit.SECONDS)).containsExactly("a1b2c3d4e5f6");
            assertThat(output.getOut()).contains("Database 127.0.0.1:" + database.port() + "/" + db.name()
                    + " is not accepting connections").doesNotContain(PASSWORD);
            assertThat(db.tableExists("items")).isTrue();
        }
    }
}
