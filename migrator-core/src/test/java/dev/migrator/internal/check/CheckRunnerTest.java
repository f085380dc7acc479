package dev.migrator.internal.check;

import dev.migrator.check.PostDeployCheck;

import dev.migrator.check.PostDeployCheck.CheckOutcome;


import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@ExtendWith(FreshDatabase.class)
class CheckRunnerTest {

    private static PostDeployCheck check(String name, Check body) {
        return new PostDeployCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckOutcome check(Connection connection) throws Exception {
                return body.check(connection);
            }
        };
    }

    @FunctionalInterface
    interface Check {
        CheckOutcome check(Connection connection) throws Exception;
    }

    @Test
    void passingAndFailingChecksBecomeResultsInOrder(TestDatabase db) {
        CheckRunner runner = new CheckRunner(db::connect, Duration.ofSeconds(10));

        List<CheckResult> results = runner.run(List.of(
                check("answers", c -> {
                    try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT 42")) {
                        rs.next();
                        return CheckOutcome.passed("got " + rs.getInt(1));
                    }
                }),
                check("refuses", c -> CheckOutcome.failed("3 orphan orders"))));

        assertThat(results).extracting(CheckResult::name).containsExactly("answers", "refuses");
        assertThat(results.get(0).status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(results.get(0).detail()).isEqualTo("got 42");
        assertThat(results.get(0).revision()).isNull();
        assertThat(results.get(0).duration()).isPositive();
        assertThat(results.get(1).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(results.get(1).detail()).isEqualTo("3 orphan orders");
    }

    @Test
    void aCheckThatThrowsIsFailedWithTheReasonAndTheNextOneStillRuns(TestDatabase db) {
        CheckRunner runner = new CheckRunner(db::connect, Duration.ofSeconds(10));

        List<CheckResult> results = runner.run(List.of(
                check("broken", c -> {
                    throw new IllegalStateException("customer table unreachable");
                }),
                check("bad-sql", c -> {
                    try (Statement st = c.createStatement()) {
                        st.executeQuery("SELECT * FROM no_such_table");
                    }
                    return CheckOutcome.passed("unreachable");
                }),
                check("after", c -> CheckOutcome.passed("ran"))));

        assertThat(results.get(0).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(results.get(0).detail()).contains("IllegalStateException").contains("customer table unreachable");
        assertThat(results.get(1).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(results.get(1).detail()).contains("no_such_table");
        assertThat(results.get(2).passed()).isTrue();
    }

    @Test
    void aCheckReturningNoOutcomeIsFailed(TestDatabase db) {
        List<CheckResult> results = new CheckRunner(db::connect, Duration.ofSeconds(10)).run(List.of(check("null", c -> null)));

        assertThat(results.get(0).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(results.get(0).detail()).contains("no outcome");
    }

    @Test
    void aHangingCheckTimesOutPromptlyAndItsQueryIsCancelled(TestDatabase db) {
        CheckRunner runner = new CheckRunner(db::connect, Duration.ofMillis(500));

        // generous bound so a loaded machine does not fail it; without the time limit this would take 30 s
        List<CheckResult> results = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> runner.run(List.of(
                check("sleeper", c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT pg_sleep(30)");
                    }
                    return CheckOutcome.passed("woke up");
                }),
                check("after", c -> CheckOutcome.passed("ran")))));

        assertThat(results.get(0).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(results.get(0).detail()).contains("timed out after 500ms");
        assertThat(results.get(1).passed()).as("the next check still runs").isTrue();
        awaitNoBackendRunning(db, "SELECT pg_sleep(30)");
    }

    @Test
    void aCheckStuckOutsideJdbcTimesOutToo(TestDatabase db) {
        CheckRunner runner = new CheckRunner(db::connect, Duration.ofMillis(300));
        Object never = new Object();

        List<CheckResult> results = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> runner.run(List.of(
                check("waits-forever", c -> {
                    synchronized (never) {
                        never.wait();
                    }
                    return CheckOutcome.passed("notified");
                }))));

        assertThat(results.get(0).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(results.get(0).detail()).contains("timed out");
    }

    @Test
    void theChecksShareOneConnectionAndATimedOutOneIsReplaced(TestDatabase db) {
        CheckRunner runner = new CheckRunner(db::connect, Duration.ofMillis(500));
        Check backend = c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                return CheckOutcome.passed(String.valueOf(rs.getInt(1)));
            }
        };

        List<CheckResult> results = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> runner.run(List.of(
                check("first", backend),
                check("leaves-a-transaction", c -> {
                    c.setAutoCommit(false);
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT 1");
                    }
                    return CheckOutcome.passed("left it open");
                }),
                check("second", c -> c.getAutoCommit() ? backend.check(c) : CheckOutcome.failed("not in autocommit")),
                check("sleeper", c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT pg_sleep(30)");
                    }
                    return CheckOutcome.passed("woke up");
                }),
                check("after", backend))));

        assertThat(results.get(2).passed()).as(results.get(2).detail()).isTrue();
        assertThat(results.get(2).detail()).as("the same session").isEqualTo(results.get(0).detail());
        assertThat(results.get(3).detail()).contains("timed out");
        assertThat(results.get(4).passed()).isTrue();
        assertThat(results.get(4).detail()).as("a new session after the timeout").isNotEqualTo(results.get(0).detail());
        awaitNoBackendRunning(db, "SELECT pg_sleep(30)");
    }

    @Test
    void aCheckThatTimesOutWhileItsConnectionOpensLeavesThatConnectionToNobody(TestDatabase db) {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger opens = new AtomicInteger();
        List<Connection> opened = new CopyOnWriteArrayList<>();
        // The first connection opens only when the test says so, and (like a socket connect) not sooner when interrupted.
        CheckRunner runner = new CheckRunner(() -> {
            if (opens.incrementAndGet() == 1) {
                awaitUninterruptibly(release);
            }
            Connection c = db.connect();
            opened.add(c);
            return c;
        }, Duration.ofMillis(300));

        List<CheckResult> results = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> runner.run(List.of(
                check("slow-connection", c -> CheckOutcome.passed("never")),
                check("next", c -> c.isValid(5) ? CheckOutcome.passed("its own connection") : CheckOutcome.failed("invalid")))));

        assertThat(results.get(0).detail()).contains("timed out");
        assertThat(results.get(1).passed()).as(results.get(1).detail()).isTrue();
        release.countDown();
        // the late connection is closed by the timed-out task, not published for a check or left open
        Awaitility.await("both connections closed").atMost(Duration.ofSeconds(10))
                .until(() -> opened.size() == 2 && opened.stream().allMatch(CheckRunnerTest::isClosed));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (latch.getCount() > 0 && System.nanoTime() < deadline) {
                try {
                    latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Test
    void aConnectionFailureIsAFailedCheck() {
        CheckRunner runner = new CheckRunner(() -> {
            throw new java.sql.SQLException("connection refused");
        }, Duration.ofSeconds(5));

        List<CheckResult> results = runner.run(List.of(check("any", c -> CheckOutcome.passed("never"))));

        assertThat(results.get(0).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(results.get(0).detail()).contains("connection refused");
    }

    @Test
    void timeLimitMustBePositive(TestDatabase db) {
        assertThatThrownBy(() -> new CheckRunner(db::connect, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    private static void awaitNoBackendRunning(TestDatabase db, String query) {
        Awaitility.await("the server no longer runs " + query).atMost(Duration.ofSeconds(10))
                .until(() -> db.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = '"
                        + query + "'") == 0);
    }
}
