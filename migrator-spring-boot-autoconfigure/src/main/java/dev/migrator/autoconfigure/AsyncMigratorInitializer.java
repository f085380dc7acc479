package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.internal.support.Secrets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * {@code migrator.startup.async=true}: once the application is ready, runs the startup migration on a
 * background thread while readiness says REFUSING_TRAFFIC, then ACCEPTING_TRAFFIC. A failed run is
 * logged and keeps readiness refusing; it never stops the process, and liveness is left alone.
 */
public class AsyncMigratorInitializer implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(AsyncMigratorInitializer.class);

    private final Migrator migrator;
    private final MigrationStrategy strategy;
    private final MigratorStartupStatus status;
    private volatile @Nullable Thread thread;

    /**
     * @param strategy what to run; null upgrades to {@code heads}
     * @param status the application's {@link MigratorStartupStatus} bean, which holds readiness back until the run succeeded
     */
    public AsyncMigratorInitializer(Migrator migrator, @Nullable MigrationStrategy strategy, MigratorStartupStatus status) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.strategy = strategy != null ? strategy : m -> m.upgrade("heads");
        this.status = Objects.requireNonNull(status, "status");
        status.waiting();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (thread != null) {
            return;
        }
        ApplicationContext context = event.getApplicationContext();
        Thread t = new Thread(() -> run(context), "migrator-startup");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(ApplicationContext context) {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            status.track(() -> strategy.migrate(migrator));
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        } catch (MigratorException e) {
            // the message says what failed and what to do; the stack trace adds nothing for the operator
            log.error("Migrator startup run failed ({}); readiness stays REFUSING_TRAFFIC until the cause is fixed and"
                    + " the application restarted: {}", e.code(), e.getMessage());
            log.debug("Migrator startup run failure", e);
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        } catch (RuntimeException e) {
            log.error("Migrator startup run failed; readiness stays REFUSING_TRAFFIC until the cause is fixed"
                    + " and the application restarted", Secrets.mask(e));
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        }
    }
}
