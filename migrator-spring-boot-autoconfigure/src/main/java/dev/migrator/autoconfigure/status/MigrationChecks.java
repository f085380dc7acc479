package dev.migrator.autoconfigure.status;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus;
import dev.migrator.Migrator;
import dev.migrator.result.VerifyResult;
import dev.migrator.check.PostDeployCheck;
import dev.migrator.event.MigrationListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The post-deploy checks (built-in and every {@link PostDeployCheck} bean) as the endpoint, health
 * and metrics see them: evaluated at most once per {@code migrator.checks.cache-ttl}, so polling
 * probes do not become database load, and once right after every successful run (in the background), logged.
 *
 * <p>It is a {@link MigrationListener} (to hear about runs), so the {@link Migrator} depends on it:
 * the Migrator is therefore looked up lazily.
 */
public class MigrationChecks implements MigrationListener {

    private static final Logger log = LoggerFactory.getLogger(MigrationChecks.class);
    private static final String CHECKS_THREAD = "migrator-checks";

    private final ObjectProvider<Migrator> migrator;
    private final ObjectProvider<PostDeployCheck> userChecks;
    private final Duration cacheTtl;
    private final Clock clock;
    /** One evaluation at a time; a status read that would wait for it reads the status alone instead. */
    private final ReentrantLock evaluating = new ReentrantLock();
    private volatile @Nullable Evaluation last;
    private final Object background = new Object();
    private @Nullable CompletableFuture<VerifyResult> inBackground;

    private record Evaluation(VerifyResult result, Instant at) {}

    public MigrationChecks(ObjectProvider<Migrator> migrator, ObjectProvider<PostDeployCheck> userChecks, Duration cacheTtl) {
        this(migrator, userChecks, cacheTtl, Clock.systemUTC());
    }

    MigrationChecks(ObjectProvider<Migrator> migrator, ObjectProvider<PostDeployCheck> userChecks, Duration cacheTtl, Clock clock) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.userChecks = Objects.requireNonNull(userChecks, "userChecks");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
        this.clock = clock;
    }

    /**
     * The last evaluation if younger than the cache TTL, else a new one (one evaluation at a time); an
     * evaluation already under way after a run is waited for rather than repeated.
     */
    public VerifyResult current() {
        Evaluation evaluation = last;
        if (isFresh(evaluation)) {
            return evaluation.result();
        }
        CompletableFuture<VerifyResult> afterRun;
        synchronized (background) {
            afterRun = inBackground;
        }
        if (afterRun != null && !afterRun.isDone()) {
            try {
                VerifyResult result = afterRun.get();
                if (result != null) {
                    return result;
                }
                // an evaluation with a status read that did not run the checks: evaluate here
            } catch (ExecutionException e) {
                // evaluate() never throws; should it have, evaluate here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return cached().orElseGet(() -> notEvaluated("interrupted"));
            }
        }
        return cachedOrEvaluated();
    }

    /** The last evaluation if younger than the cache TTL, else a new one (one evaluation at a time). */
    private VerifyResult cachedOrEvaluated() {
        Evaluation evaluation = last;
        if (isFresh(evaluation)) {
            return evaluation.result();
        }
        evaluating.lock();
        try {
            evaluation = last;
            return isFresh(evaluation) ? evaluation.result() : evaluate();
        } finally {
            evaluating.unlock();
        }
    }

    /**
     * {@link #current()}, taking the result of {@code withStatus} (an evaluation started with this request's
     * status read, {@link #evaluateAfterStatus}) when it ran the checks.
     */
    public VerifyResult current(@Nullable CompletableFuture<VerifyResult> withStatus) {
        // never completes exceptionally; null when it ran no checks
        VerifyResult result = withStatus == null ? null : withStatus.exceptionally(e -> null).join();
        return result != null ? result : current();
    }

    /**
     * {@link #current(Duration)}, taking the result of {@code withStatus} (an evaluation started with this
     * request's status read, {@link #evaluateAfterStatus}) when it ran the checks within {@code wait}.
     */
    public Optional<VerifyResult> current(Duration wait, @Nullable CompletableFuture<VerifyResult> withStatus) {
        if (withStatus == null) {
            return current(wait);
        }
        try {
            VerifyResult result = withStatus.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            return result != null ? Optional.of(result) : current(wait);
        } catch (TimeoutException | ExecutionException e) {
            return cached();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cached();
        }
    }

    /**
     * The checks as {@link #current()} gives them, waiting at most {@code wait}: an evaluation that takes
     * longer goes on in the background (one at a time) and is cached when it ends, and meanwhile the last
     * evaluation is returned (empty before the first). For health and the endpoint's summary, which must
     * answer while a slow verify query runs.
     */
    public Optional<VerifyResult> current(Duration wait) {
        Evaluation evaluation = last;
        if (isFresh(evaluation)) {
            return Optional.of(evaluation.result());
        }
        CompletableFuture<VerifyResult> running;
        synchronized (background) {
            if (inBackground == null || inBackground.isDone()) {
                inBackground = inBackground(this::cachedOrEvaluated);
            }
            running = inBackground;
        }
        try {
            // null: an evaluation with another request's status read, whose state did not call for the checks
            return Optional.ofNullable(running.get(wait.toNanos(), TimeUnit.NANOSECONDS)).or(this::cached);
        } catch (TimeoutException | ExecutionException e) {
            return cached();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cached();
        }
    }

    /**
     * Starts an evaluation in the background that first reads the status, on the connection the checks then
     * run on, and tells {@code gate} (which decides whether the checks run): so a request that shows the state
     * and the checks makes one read of the state and takes one connection. Nothing starts (null) when the last
     * evaluation is fresh or one is already under way: the caller then reads the status on its own and asks
     * {@link #current(Duration)} as before.
     *
     * @return completes with the checks' result, or with null when they did not run (the gate declined, the
     *         status could not be read, or another evaluation held the lock and the status was read alone);
     *         never exceptionally
     */
    public @Nullable CompletableFuture<VerifyResult> evaluateAfterStatus(StatusGate gate) {
        synchronized (background) {
            if (isFresh(last) || (inBackground != null && !inBackground.isDone())) {
                return null;
            }
            CompletableFuture<VerifyResult> evaluation = inBackground(() -> evaluateAfter(gate));
            inBackground = evaluation;
            return evaluation;
        }
    }

    private @Nullable VerifyResult evaluateAfter(StatusGate gate) {
        if (!evaluating.tryLock()) {
            // another evaluation is running: the status must not wait for it
            try {
                gate.read(migrator.getObject().status());
            } catch (RuntimeException e) {
                gate.failed(e);
            }
            return null;
        }
        AtomicBoolean told = new AtomicBoolean();
        long started = System.nanoTime();
        try {
            Optional<VerifyResult> result = migrator.getObject().statusThenCheck(userChecks.orderedStream().toList(), status -> {
                told.set(true);
                return gate.read(status);
            });
            result.ifPresent(r -> last = new Evaluation(r, clock.instant()));
            return result.orElse(null);
        } catch (RuntimeException e) {
            if (!told.get()) {
                gate.failed(e);
                return null;
            }
            VerifyResult result = ChecksLog.couldNotEvaluate(e, started);
            last = new Evaluation(result, clock.instant());
            return result;
        } finally {
            evaluating.unlock();
        }
    }

    /**
     * Evaluates every check now. Never throws: when the checks cannot even be set up (the database is
     * unreachable, the history cannot be read) the outcome is one FAILED result saying why, so the
     * endpoint answers and health goes DOWN instead of an HTTP 500.
     */
    public VerifyResult evaluate() {
        long started = System.nanoTime();
        VerifyResult result;
        try {
            List<PostDeployCheck> checks = userChecks.orderedStream().toList();
            result = migrator.getObject().check(checks);
        } catch (RuntimeException e) {
            result = ChecksLog.couldNotEvaluate(e, started);
        }
        last = new Evaluation(result, clock.instant());
        return result;
    }

    /** The last evaluation, however old, without evaluating; empty before the first one. */
    public Optional<VerifyResult> cached() {
        Evaluation evaluation = last;
        return evaluation == null ? Optional.empty() : Optional.of(evaluation.result());
    }

    /** What the checks say when they cannot be evaluated: one FAILED result named {@code checks} with the reason. */
    public static VerifyResult notEvaluated(String reason) {
        return new VerifyResult(List.of(new CheckResult("checks", null, CheckResult.Status.FAILED, Duration.ZERO,
                "could not evaluate the checks: " + reason)));
    }

    /** How many checks failed at the last evaluation; empty before the first one. */
    public OptionalLong lastFailed() {
        Evaluation evaluation = last;
        return evaluation == null ? OptionalLong.empty() : OptionalLong.of(evaluation.result().failed());
    }

    /**
     * After every successful run (the startup upgrade included): evaluate on a thread of its own and log
     * the outcome. Not on the run's thread: a synchronous startup run would otherwise hold the application's
     * readiness back for as long as the checks take (a drift check, a verify query per applied revision,
     * a connection per check), although nothing waits for their verdict but the log; health and the
     * endpoint ask {@link #current(Duration)}, which waits for this evaluation rather than starting another.
     */
    @Override
    public void runSucceeded(MigrationResult run) {
        CompletableFuture<VerifyResult> evaluation;
        synchronized (background) {
            evaluation = inBackground(this::evaluate);
            inBackground = evaluation;
        }
        evaluation.whenComplete((result, error) -> {
            if (error != null) {
                // observability never breaks a migration
                log.warn("Could not evaluate the post-deploy checks after migrating: {}", error.getMessage(), error);
            } else {
                ChecksLog.outcome(result);
            }
        });
    }

    /** Runs {@code evaluation} on a thread of its own (a daemon: a check stuck outside JDBC must not keep the JVM alive). */
    private static CompletableFuture<VerifyResult> inBackground(Supplier<@Nullable VerifyResult> evaluation) {
        return CompletableFuture.supplyAsync(evaluation, runnable -> {
            Thread thread = new Thread(runnable, CHECKS_THREAD);
            thread.setDaemon(true);
            thread.start();
        });
    }

    private boolean isFresh(@Nullable Evaluation evaluation) {
        return evaluation != null && evaluation.at().plus(cacheTtl).isAfter(clock.instant());
    }
}
