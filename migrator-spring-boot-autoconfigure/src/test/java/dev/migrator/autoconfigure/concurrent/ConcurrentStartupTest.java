package dev.migrator.autoconfigure.concurrent;

import static dev.migrator.autoconfigure.LocalHttp.freePort;
import static dev.migrator.autoconfigure.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.migrator.autoconfigure.MigratorStartupStatus;
import dev.migrator.autoconfigure.SlowRevision;
import dev.migrator.autoconfigure.TestApps;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code migrator.startup.concurrent=true} (opt-in): the synchronous startup run goes on on its own thread while
 * the context creates the beans that do not need the database, and every guarantee of the synchronous mode
 * holds. The {@code db/slow} revision blocks on advisory lock (4242, 1) while the test holds it, so the test
 * decides when the run may end and looks at the starting application meanwhile.
 */
@ExtendWith({FreshDatabase.class, OutputCaptureExtension.class})
class ConcurrentStartupTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @BeforeEach
    void resetSignals() {
        ConcurrentApp.contextWentOn = new CountDownLatch(1);
        ConcurrentApp.upgradeThread = null;
        ConcurrentApp.runWhenContextWentOn = null;
    }

    @Test
    void theContextGoesOnWhileBeansThatNeedTheDatabaseTheWebServerAndReadinessWaitForTheRun(TestDatabase db)
            throws Exception {
        int port = freePort();
        try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
            s.execute("SELECT pg_advisory_lock(4242, 1)");
            CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(
                    () -> app(db, "server.port=" + port).run());
            try {
                SlowRevision.awaitBlocked(db, DEADLINE);
                // a bean that needs no database was created after the run started, while it is still blocked: the
                // start overlapped the run
                assertThat(ConcurrentApp.contextWentOn.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(ConcurrentApp.runWhenContextWentOn).isIn(MigratorStartupStatus.State.WAITING,
                        MigratorStartupStatus.State.RUNNING);
                assertThat(app).isNotDone();
                assertThatThrownBy(() -> get(port, "/actuator/health/readiness")).isInstanceOf(ConnectException.class);
                assertThat(db.tableExists("slow_done")).isFalse();
            } finally {
                s.execute("SELECT pg_advisory_unlock(4242, 1)");
            }
            try (ConfigurableApplicationContext context = app.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                // both readers queried slow_done in their constructors: they were created after the run
                assertThat(context.getBean(ConcurrentApp.SlowDoneReader.class).rows).isZero();
                assertThat(context.getBean(ConcurrentApp.TemplateSlowDoneReader.class).rows).isZero();
                assertThat(ConcurrentApp.upgradeThread).isEqualTo("migrator-startup");
                assertThat(context.getBean(MigratorStartupStatus.class).state()).isEqualTo(MigratorStartupStatus.State.FINISHED);
                assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void withConcurrentOffTheRunIsOnTheThreadThatStartsTheContext(TestDatabase db) {
        try (ConfigurableApplicationContext context = app(db, "server.port=0", "migrator.startup.concurrent=false").run()) {
            assertThat(ConcurrentApp.upgradeThread).isEqualTo(Thread.currentThread().getName());
            assertThat(context.getBean(ConcurrentApp.SlowDoneReader.class).rows).isZero();
        }
    }

    @Test
    void underLazyInitializationTheStartStillMigrates(TestDatabase db) {
        try (ConfigurableApplicationContext context = TestApps.run(PlainApp.class, db, "migrator.startup.concurrent=true",
                "spring.main.lazy-initialization=true")) {
            assertThat(db.tableExists("items")).isTrue();
            // nothing created the (lazy) initializer: the wait once every singleton existed is what held the start
            assertThat(context.getBeanFactory().containsSingleton("migratorInitializer")).isFalse();
            assertThat(context.getBean(MigratorStartupStatus.class).state()).isEqualTo(MigratorStartupStatus.State.FINISHED);
        }
    }

    @Test
    void aFailedRunFailsTheStartWithTheReportEvenWhenNothingDependsOnTheDatabase(TestDatabase db, CapturedOutput output) {
        assertThatThrownBy(() -> TestApps.run(PlainApp.class, db, "migrator.startup.concurrent=true",
                "migrator.locations=classpath:db/migrations,classpath:db/failing")).isNotNull();

        String all = output.getOut() + output.getErr();
        int report = all.indexOf("APPLICATION FAILED TO START");
        assertThat(report).as("Boot's failure report in %s", all).isNotNegative();
        assertThat(all.substring(report)).contains("c3d4e5f6a1b2", "division by zero", "(Migrator error code STATEMENT_FAILED)",
                "Action:", "Fix the failing statement");
    }

    @Test
    void aContextThatFailsForAnotherReasonClosesOnlyAfterTheRunEnded(TestDatabase db, CapturedOutput output)
            throws Exception {
        try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
            s.execute("SELECT pg_advisory_lock(4242, 1)");
            CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(
                    () -> app(db, "server.port=0", "test.fail-after-migrator=true").run());
            try {
                SlowRevision.awaitBlocked(db, DEADLINE);
                await().atMost(DEADLINE).until(() -> output.getOut().contains("waiting for the Migrator startup run to end first"));
                assertThat(app).isNotDone();
            } finally {
                s.execute("SELECT pg_advisory_unlock(4242, 1)");
            }
            assertThatThrownBy(() -> app.get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasStackTraceContaining("a bean after Migrator's failed");
            // the run was not cut off when the context closed: it ended, and recorded it
            assertThat(db.tableExists("slow_done")).isTrue();
            assertThat(db.queryValue("SELECT revision FROM migrator_version")).isEqualTo("b2c3d4e5f6a1");
        }
    }

    @Test
    void aJavaRevisionThatAsksTheContextForALazyBeanRunsWhileTheContextsThreadWaitsForTheRun(TestDatabase db)
            throws Exception {
        LazyBeanRevisionApp.helperCreatedOn = null;
        LazyBeanRevisionApp.readerComing = null;
        LazyBeanRevisionApp.readerComingSignal = new CountDownLatch(1);
        LazyBeanRevisionApp.askForTheBean = new CountDownLatch(1);
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(() -> TestApps.builder(
                LazyBeanRevisionApp.class, db, WebApplicationType.NONE, "migrator.startup.concurrent=true").run());
        try {
            assertThat(LazyBeanRevisionApp.readerComingSignal.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // the context's thread is inside the reader's creation, waiting for the run
            Thread context = LazyBeanRevisionApp.readerComing;
            await().atMost(DEADLINE).until(() -> context.getState() == Thread.State.WAITING
                    || context.getState() == Thread.State.TIMED_WAITING);
            assertThat(LazyBeanRevisionApp.helperCreatedOn).isNull();
        } finally {
            LazyBeanRevisionApp.askForTheBean.countDown();
        }
        // bounded: a deadlock between the two threads fails here instead of hanging the build
        try (ConfigurableApplicationContext context = app.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            assertThat(LazyBeanRevisionApp.helperCreatedOn).as("the lazy bean was created by the run")
                    .isEqualTo("migrator-startup");
            assertThat(context.getBean(LazyBeanRevisionApp.NamedTableReader.class).rows).isZero();
            assertThat(db.queryValue("SELECT revision FROM migrator_version")).isEqualTo("d4e5f6a1b2c3");
        }
    }

    private static SpringApplicationBuilder app(TestDatabase db, String... extra) {
        String[] properties = new String[extra.length + 3];
        properties[0] = SlowRevision.LOCATIONS;
        properties[1] = "management.endpoint.health.probes.enabled=true";
        properties[2] = "migrator.startup.concurrent=true"; // what this class is about; a test's own value comes after
        System.arraycopy(extra, 0, properties, 3, extra.length);
        return TestApps.builder(ConcurrentApp.class, db, WebApplicationType.SERVLET, properties);
    }

    /** Nothing but auto-configuration, without any that brings a bean depending on database initialization. */
    @org.springframework.boot.SpringBootConfiguration
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration"})
    static class PlainApp {
    }
}
