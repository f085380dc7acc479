package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.internal.support.Secrets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The synchronous startup migration. With {@code migrator.startup.concurrent=true} (opt-in) it is started on
 * a thread of its own ({@code migrator-startup}) as soon as this bean is created, while the context goes on creating the beans that do not need the database
 * (web server, MVC, Jackson, actuator...). A no-op start is mostly waiting for the first connection and
 * loading classes in a cold JVM; serialised, every millisecond of it added to the time to ready.
 *
 * <p>The start still waits for the run, at the latest point the guarantees allow:
 * <ul>
 * <li>every bean that depends on database initialization (JPA, {@code JdbcTemplate}/{@code JdbcClient} users,
 * {@code @DependsOnDatabaseInitialization} beans, {@code spring.sql.init}) depends on the lazy
 * {@link MigratorInitializer}, which {@linkplain #await() waits} for the run when it is created;</li>
 * <li>{@link #afterSingletonsInstantiated()} waits too: before the context's lifecycle starts the web server's
 * connectors and long before readiness, also when nothing depends on the database, and also under
 * {@code spring.main.lazy-initialization} (Boot never makes a {@link SmartInitializingSingleton} lazy).</li>
 * </ul>
 * A failed run is rethrown to whoever waits, so the start fails with {@link MigratorFailureAnalyzer}'s report.
 * Each wait lasts as long as the run, no longer: the run is bounded by the engine's own limits
 * ({@code migrator.advisory-lock-wait}, {@code lock-timeout} × {@code lock-retries}, {@code statement-timeout},
 * {@code connect-retries}), exactly as when it ran on the main thread. With {@code migrator.startup.concurrent=false} the run happens
 * on the thread that creates this bean, when it creates it.
 */
final class StartupRun implements InitializingBean, SmartInitializingSingleton, DisposableBean, BeanNameAware {

    private static final Logger log = LoggerFactory.getLogger(StartupRun.class);

    private final MigratorStartupStatus status;
    private final boolean concurrent;
    private final FutureTask<Void> task;
    private volatile @Nullable Thread thread;
    /** Whether a waiter received the run's failure (else it is logged when the context closes). */
    private volatile boolean failureDelivered;
    private String beanName = "migratorStartupRun";

    /** @param concurrent {@code migrator.startup.concurrent}; false runs it on the thread that creates this bean */
    StartupRun(Supplier<Migrator> migrator, MigrationStrategy strategy, MigratorStartupStatus status, boolean concurrent) {
        this.status = status;
        this.concurrent = concurrent;
        // loading the Migrator is part of the run: a failure to load fails the start the same way
        this.task = new FutureTask<>(() -> status.track(() -> strategy.migrate(migrator.get())), null);
    }

    @Override
    public void afterPropertiesSet() {
        start();
    }

    /** Starts the run once (or, not concurrent, runs it here); readiness is held back from now on. */
    synchronized void start() {
        if (thread != null) {
            return;
        }
        status.waiting();
        if (!concurrent) {
            thread = Thread.currentThread();
            task.run(); // completes the task; await() below reports its outcome
            await();
            return;
        }
        // Not a daemon: a JVM that ends while a migration runs would cut it off halfway.
        Thread t = new Thread(task, "migrator-startup");
        thread = t;
        t.start();
    }

    /** Waits for the run (starting it if nobody did) and rethrows its failure as it was thrown. */
    void await() {
        start();
        try {
            task.get();
        } catch (ExecutionException e) {
            failureDelivered = true;
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Migrator startup run failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Migrator startup run; the run goes on"
                    + " on thread migrator-startup", e);
        }
    }

    /**
     * Nothing that needs migrations may start before they ended, whether anything depends on them or not. A
     * failure comes wrapped as a failed bean, as from the initializer (and as before the run had a thread).
     */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            await();
        } catch (RuntimeException e) {
            throw new BeanCreationException(beanName, "Migrator startup run failed", e);
        }
    }

    @Override
    public void setBeanName(String name) {
        beanName = name;
    }

    /**
     * A context that fails for another reason while the run is going on closes only after the run ended, so
     * that the pool is not closed under it; a failure nobody received is logged rather than lost.
     */
    @Override
    public void destroy() {
        if (thread == null) {
            return;
        }
        if (!task.isDone()) {
            log.info("Context closing: waiting for the Migrator startup run to end first");
        }
        try {
            task.get();
        } catch (ExecutionException e) {
            if (!failureDelivered) {
                log.error("Migrator startup run failed", Secrets.mask(e.getCause()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
