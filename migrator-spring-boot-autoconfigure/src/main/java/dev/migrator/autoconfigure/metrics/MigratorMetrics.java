package dev.migrator.autoconfigure.metrics;

import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.StatusReading;
import dev.migrator.Direction;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.event.MigrationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;

/**
 * Micrometer meters of the operating guide: step durations and lock figures from the engine's
 * events, and gauges of the database state. The gauges are served from the last state read and never
 * wait for the database: a scrape that finds the state older than {@value #STATUS_MAX_AGE_MILLIS} ms
 * starts a read in the background (on the {@link MigrationStatusView}'s executor) and answers with
 * what it has; the next scrape shows the new state. When the database does not answer,
 * {@code migrator.info} carries {@code state="UNKNOWN"} and the other gauges keep their last values.
 */
public class MigratorMetrics implements MigrationListener, ApplicationListener<ApplicationReadyEvent> {

    static final long STATUS_MAX_AGE_MILLIS = 5_000;

    private final MeterRegistry registry;
    private final MigrationStatusView statusView;
    private final Timer lockWait;
    private final Counter lockRetries;
    private final MultiGauge info;
    private volatile @Nullable MigratorStatus status;
    private volatile long refreshedAt;

    public MigratorMetrics(MeterRegistry registry, MigrationStatusView statusView, @Nullable MigrationChecks checks) {
        this.registry = registry;
        this.statusView = statusView;
        this.lockWait = Timer.builder("migrator.lock.wait")
                .description("Time spent waiting for the advisory lock, per run").register(registry);
        this.lockRetries = Counter.builder("migrator.lock.retries")
                .description("lock_timeout retries of revisions").register(registry);
        this.info = MultiGauge.builder("migrator.info")
                .description("Always 1; tags name the current heads and the state").register(registry);
        Gauge.builder("migrator.migrations.pending", this, m -> m.statusValue(s -> s.pending().size()))
                .description("Revisions of the code's graph not yet applied (deferred contract ones included)")
                .strongReference(true).register(registry);
        Gauge.builder("migrator.migrations.applied", this, m -> m.statusValue(MigratorStatus::applied))
                .description("Revisions of the code's graph recorded as applied")
                .strongReference(true).register(registry);
        if (checks != null) {
            Gauge.builder("migrator.checks.failed", checks, c -> c.lastFailed().isPresent() ? c.lastFailed().getAsLong() : Double.NaN)
                    .description("Post-deploy checks failing at the last evaluation")
                    .strongReference(true).register(registry);
        }
    }

    @Override
    public void lockAcquired(Duration waited) {
        lockWait.record(waited);
    }

    @Override
    public void lockRetry(String revision, int attempt) {
        lockRetries.increment();
    }

    @Override
    public void stepSucceeded(StepResult step) {
        stepTimer(step.revision(), step.direction(), "success").record(step.duration());
    }

    @Override
    public void stepFailed(String revision, Direction direction, Duration duration, Throwable error) {
        stepTimer(revision, direction, "failure").record(duration);
    }

    /**
     * The state is not read here: the run's own startup bookkeeping still says MIGRATING. The next
     * scrape (or the ready application) reads it afresh.
     */
    @Override
    public void runSucceeded(MigrationResult result) {
        refreshedAt = 0;
    }

    @Override
    public void runFailed(Throwable error) {
        refreshedAt = 0;
    }

    /** Startup (and a synchronous startup run) is over: publish the state before the first scrape (bounded by the status timeout). */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        refreshedAt = System.currentTimeMillis();
        publish(statusView.read());
    }

    /** Reads the state in the background and updates every gauge built on it, {@code migrator.info} included. */
    public CompletableFuture<Void> refresh() {
        refreshedAt = System.currentTimeMillis();
        return statusView.readAsync().thenAccept(this::publish);
    }

    private Timer stepTimer(String revision, Direction direction, String outcome) {
        return Timer.builder("migrator.migration.duration")
                .description("Duration of one executed migration step")
                .tags("revision", revision, "direction", direction.label(), "outcome", outcome)
                .register(registry);
    }

    /** The last state read; a stale one starts a read in the background, never waited for here. */
    private double statusValue(ToIntFunction<MigratorStatus> value) {
        if (System.currentTimeMillis() - refreshedAt > STATUS_MAX_AGE_MILLIS) {
            refresh();
        }
        MigratorStatus current = status;
        return current == null ? Double.NaN : value.applyAsInt(current);
    }

    private synchronized void publish(StatusReading reading) {
        StatusReading.Known last = reading.lastKnown();
        if (reading instanceof StatusReading.Known known) {
            status = known.status();
        }
        String revision = last == null ? "" : String.join(",", new TreeSet<>(last.status().current()));
        String state = reading instanceof StatusReading.Known known ? known.status().state().name() : "UNKNOWN";
        // overwrite=false: an unchanged row stays registered. Overwriting would remove and re-add it, and a
        // scrape running at that moment would miss it.
        info.register(List.of(MultiGauge.Row.of(Tags.of("revision", revision, "state", state), 1)), false);
    }
}
