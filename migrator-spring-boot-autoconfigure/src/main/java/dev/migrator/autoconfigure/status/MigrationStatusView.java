package dev.migrator.autoconfigure.status;

import dev.migrator.ErrorCode;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.VerifyResult;
import dev.migrator.internal.support.Secrets;
import dev.migrator.autoconfigure.MigratorStartupStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The database state as the endpoint, health and metrics show it: read by the engine, corrected by what
 * this process knows of its own startup run (a run in progress is MIGRATING; a failed startup run is
 * FAILED even when the failure left no trace in the history table, like a changed checksum).
 *
 * <p>Every read of the database runs on a small executor of its own and is waited for at most
 * {@code migrator.status-timeout}: when the database is down or hangs, the caller gets an
 * {@link StatusReading.Unknown} at once, with the last state read and why, instead of waiting out the
 * pool's connection timeout. Concurrent status reads share one database read, so a stuck database holds
 * at most one read (itself bounded by the pool's timeout and the engine's read timeout), however often
 * probes and scrapes ask.
 */
public class MigrationStatusView implements DisposableBean {

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Reads that may wait for an executor thread; beyond that a caller is answered UNKNOWN at once. */
    private static final int QUEUED_READS = 16;

    private final ObjectProvider<Migrator> migrator;
    private final ObjectProvider<MigratorStartupStatus> startup;
    private final @Nullable ObjectProvider<MigrationChecks> checks;
    private final Duration timeout;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Object reading = new Object();
    private @Nullable Read inFlight;
    private volatile StatusReading latest;

    /** A view that reads the state alone (the checks, if any, read it again when they are evaluated). */
    public MigrationStatusView(ObjectProvider<Migrator> migrator, ObjectProvider<MigratorStartupStatus> startup, Duration timeout) {
        this(migrator, startup, null, timeout, Clock.systemUTC());
    }

    /** @param checks the post-deploy checks, evaluated with the state's read when a caller wants both ({@link #read(Predicate)}) */
    public MigrationStatusView(ObjectProvider<Migrator> migrator, ObjectProvider<MigratorStartupStatus> startup,
            ObjectProvider<MigrationChecks> checks, Duration timeout) {
        this(migrator, startup, checks, timeout, Clock.systemUTC());
    }

    MigrationStatusView(ObjectProvider<Migrator> migrator, ObjectProvider<MigratorStartupStatus> startup,
            @Nullable ObjectProvider<MigrationChecks> checks, Duration timeout, Clock clock) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "migrator.status-timeout must be positive, was " + timeout);
        }
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.startup = Objects.requireNonNull(startup, "startup");
        this.checks = checks;
        this.timeout = timeout;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(1, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUED_READS), runnable -> {
            Thread thread = new Thread(runnable, "migrator-status-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.allowCoreThreadTimeOut(true);
        this.latest = new StatusReading.Unknown(null, "not read yet");
    }

    /** The state now, or UNKNOWN with the last state read when the database does not answer in time. Never throws. */
    public StatusReading read() {
        return await(readAsync());
    }

    /**
     * A read of the state and, for the states {@code checksWanted} accepts, the post-deploy checks evaluated on
     * the same connection right after it (when they are due: {@link MigrationChecks#evaluateAfterStatus}), for
     * a caller that shows both: one read of the state and one connection per request. Pass {@link #checks()}
     * of the answer to {@link MigrationChecks#current(Duration, CompletableFuture)}.
     */
    public WithChecks read(Predicate<MigratorStatus> checksWanted) {
        Read read = shared(checksWanted);
        return new WithChecks(await(bounded(read.status())), read.checks());
    }

    /**
     * The state as read, and the evaluation of the checks started with that read.
     *
     * @param checks null when none was started with it (the checks were fresh, or under way already, or
     *               the read was shared with a caller that did not want them)
     */
    public record WithChecks(StatusReading reading, @Nullable CompletableFuture<VerifyResult> checks) {}

    private StatusReading await(CompletableFuture<StatusReading> reading) {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown("interrupted while reading the migration state");
        } catch (ExecutionException e) {
            return unknown(reason(e.getCause()));
        }
    }

    /**
     * The state as {@link #read()} gives it, without blocking: completes with the reading, or with UNKNOWN
     * once the status timeout passed. A read already in flight is shared rather than started again; one
     * that outlives the timeout goes on, and its outcome becomes {@link #latest()}. For metrics, which
     * must never hold a scrape.
     */
    public CompletableFuture<StatusReading> readAsync() {
        return bounded(shared(null).status());
    }

    private CompletableFuture<StatusReading> bounded(CompletableFuture<StatusReading> read) {
        return read.copy().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return unknown(cause instanceof TimeoutException ? "the database did not answer within " + describe(timeout)
                    : reason(cause));
        });
    }

    /** A read of the state in flight, and the checks' evaluation that read it (null when none did). */
    private record Read(CompletableFuture<StatusReading> status, @Nullable CompletableFuture<VerifyResult> checks) {}

    private Read shared(@Nullable Predicate<MigratorStatus> checksWanted) {
        synchronized (reading) {
            if (inFlight != null && !inFlight.status().isDone()) {
                return inFlight;
            }
            CompletableFuture<StatusReading> status = new CompletableFuture<>();
            MigrationChecks due = checksWanted == null || checks == null ? null : checks.getIfAvailable();
            CompletableFuture<VerifyResult> evaluation = due == null ? null
                    : due.evaluateAfterStatus(new Gate(status, checksWanted));
            if (evaluation == null) {
                try {
                    executor.execute(() -> status.complete(readNow()));
                } catch (RejectedExecutionException e) {
                    status.complete(unknown("too many reads of the migration state are waiting for the database"));
                }
            }
            inFlight = new Read(status, evaluation);
            return inFlight;
        }
    }

    /** Gives the status an evaluation of the checks read first to the request, and says whether it wants the checks. */
    private final class Gate implements StatusGate {

        private final CompletableFuture<StatusReading> status;
        private final Predicate<MigratorStatus> checksWanted;

        Gate(CompletableFuture<StatusReading> status, Predicate<MigratorStatus> checksWanted) {
            this.status = status;
            this.checksWanted = checksWanted;
        }

        @Override
        public boolean read(MigratorStatus read) {
            StatusReading.Known known = new StatusReading.Known(corrected(read), clock.instant());
            latest = known;
            status.complete(known);
            return checksWanted.test(known.status());
        }

        @Override
        public void failed(RuntimeException failure) {
            StatusReading reading = unknown(reason(failure));
            latest = reading;
            status.complete(reading);
        }
    }

    /** How long a read of the state is waited for ({@code migrator.status-timeout}). */
    public Duration timeout() {
        return timeout;
    }

    /** The outcome of the last finished read (UNKNOWN before the first); never touches the database. */
    public StatusReading latest() {
        return latest;
    }

    /**
     * Runs another read of the database (history, a revision) on the same executor, within the same time
     * limit. A read that does not finish in time is a {@link MigratorException} saying so.
     */
    public <T> T bounded(Supplier<T> read) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(read.get());
                } catch (RuntimeException | Error e) {
                    future.completeExceptionally(e);
                }
            });
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "too many reads of the migration state are waiting"
                    + " for the database");
        } catch (TimeoutException e) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "the database did not answer within " + describe(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigratorException(ErrorCode.INTERRUPTED, "interrupted while reading the migration state");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MigratorException(ErrorCode.INTERNAL, reason(e.getCause()), e.getCause());
        }
    }

    private StatusReading readNow() {
        StatusReading reading;
        try {
            reading = new StatusReading.Known(corrected(migrator.getObject().status()), clock.instant());
        } catch (RuntimeException e) {
            reading = unknown(reason(e));
        }
        latest = reading;
        return reading;
    }

    private StatusReading.Unknown unknown(String reason) {
        return new StatusReading.Unknown(latest.lastKnown(), reason);
    }

    private MigratorStatus corrected(MigratorStatus status) {
        MigratorStartupStatus startupStatus = startup.getIfAvailable();
        if (startupStatus == null) {
            return status;
        }
        MigratorStartupStatus.State state = startupStatus.state();
        if (state == MigratorStartupStatus.State.FAILED && status.state() != MigrationState.MIGRATING) {
            return with(status, MigrationState.FAILED);
        }
        if (state == MigratorStartupStatus.State.RUNNING) {
            return with(status, MigrationState.MIGRATING);
        }
        return status;
    }

    private static MigratorStatus with(MigratorStatus status, MigrationState state) {
        return new MigratorStatus(state, status.current(), status.heads(), status.pending(), status.applied(),
                status.deferred(), status.lastRun());
    }

    /** The engine's messages name what failed and never carry a password; anything else is named by its type. */
    private static String reason(@Nullable Throwable failure) {
        if (failure instanceof MigratorException e) {
            return e.getMessage();
        }
        return failure == null ? "unknown failure" : failure.getClass().getName() + ": " + Secrets.mask(failure.getMessage());
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
