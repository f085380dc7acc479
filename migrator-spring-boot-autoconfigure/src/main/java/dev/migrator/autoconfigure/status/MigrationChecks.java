package dev.migrator.autoconfigure.status;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.MigrationResult;
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
    private final Object evaluating = new Object();
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
                return afterRun.get();
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
        synchronized (evaluating) {
            evaluation = last;
            return isFresh(evaluation) ? evaluation.result() : evaluate();
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
                inBackground = CompletableFuture.supplyAsync(this::cachedOrEvaluated, runnable -> {
                    Thread thread = new Thread(runnable, CHECKS_THREAD);
                    thread.setDaemon(true);
                    thread.start();
                });
            }
            running = inBackground;
        }
        try {
            return Optional.of(running.get(wait.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return cached();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cached();
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
            log.warn("Post-deploy checks could not be evaluated: {}", e.getMessage());
            result = new VerifyResult(List.of(new CheckResult("checks", null, CheckResult.Status.FAILED,
                    Duration.ofNanos(System.nanoTime() - started), "could not evaluate the checks: " + e.getMessage())));
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
            evaluation = CompletableFuture.supplyAsync(this::evaluate, runnable -> {
                Thread thread = new Thread(runnable, CHECKS_THREAD);
                thread.setDaemon(true);
                thread.start();
            });
            inBackground = evaluation;
        }
        evaluation.whenComplete((result, error) -> {
            if (error != null) {
                // observability never breaks a migration
                log.warn("Could not evaluate the post-deploy checks after migrating: {}", error.getMessage(), error);
            } else {
                logOutcome(result);
            }
        });
    }

    private static void logOutcome(VerifyResult result) {
        if (result.passed()) {
            log.info("Post-deploy checks passed ({} checks)", result.results().size());
            return;
        }
        log.warn("{} of {} post-deploy checks FAILED after migrating; see /actuator/migrations/checks",
                result.failed(), result.results().size());
        for (CheckResult check : result.results()) {
            if (!check.passed()) {
                log.warn("  {}{}: {}", check.name(), check.revision() == null ? "" : " " + check.revision(), check.detail());
            }
        }
    }

    private boolean isFresh(@Nullable Evaluation evaluation) {
        return evaluation != null && evaluation.at().plus(cacheTtl).isAfter(clock.instant());
    }
}
