package dev.migrator.autoconfigure.metrics;

import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.Direction;
import dev.migrator.MigrationResult;
import dev.migrator.MigratorStatus;
import dev.migrator.StepResult;
import dev.migrator.event.MigrationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * Micrometer meters of the operating guide: step durations and lock figures from the engine's
 * events, and gauges of the database state (read at most every {@value #STATUS_MAX_AGE_MILLIS} ms,
 * so a scrape is not a query per gauge).
 */
public class MigratorMetrics implements MigrationListener, ApplicationListener<ApplicationReadyEvent> {

    static final long STATUS_MAX_AGE_MILLIS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(MigratorMetrics.class);

    private final MeterRegistry registry;
    private final MigrationStatusView statusView;
    private final Timer lockWait;
    private final Counter lockRetries;
    private final MultiGauge info;
    private final Object refreshing = new Object();
    private volatile @Nullable MigratorStatus status;
    private volatile long statusReadAt;

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
     * gauge read (or the ready application) reads it afresh.
     */
    @Override
    public void runSucceeded(MigrationResult result) {
        statusReadAt = 0;
    }

    @Override
    public void runFailed(Throwable error) {
        statusReadAt = 0;
    }

    /** Startup (and a synchronous startup run) is over: publish the state before the first scrape. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        refresh();
    }

    private Timer stepTimer(String revision, Direction direction, String outcome) {
        return Timer.builder("migrator.migration.duration")
                .description("Duration of one executed migration step")
                .tags("revision", revision, "direction", direction.label(), "outcome", outcome)
                .register(registry);
    }

    private double statusValue(java.util.function.ToIntFunction<MigratorStatus> value) {
        if (System.currentTimeMillis() - statusReadAt > STATUS_MAX_AGE_MILLIS) {
            refresh();
        }
        MigratorStatus current = status;
        return current == null ? Double.NaN : value.applyAsInt(current);
    }

    /** Reads the state once and updates every gauge built on it, {@code migrator.info} included. */
    public void refresh() {
        synchronized (refreshing) {
            try {
                MigratorStatus current = statusView.status();
                status = current;
                String revision = String.join(",", new TreeSet<>(current.current()));
                // overwrite=false: an unchanged row stays registered. Overwriting would remove and re-add
                // it, and a refresh runs inside a scrape (a state gauge asks for it), which then misses it.
                info.register(List.of(MultiGauge.Row.of(Tags.of("revision", revision, "state", current.state().name()), 1)), false);
            } catch (RuntimeException e) {
                // a metric never fails a scrape or a migration; the gauges keep their last values
                log.debug("Could not read the migration state for metrics: {}", e.getMessage());
            } finally {
                statusReadAt = System.currentTimeMillis();
            }
        }
    }
}
