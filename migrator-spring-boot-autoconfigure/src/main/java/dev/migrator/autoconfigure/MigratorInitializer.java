package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the startup migration while the context starts, before the web server and before any bean that
 * uses the database (a {@code DatabaseInitializerDetector} orders them after this bean). The
 * auto-configured one waits for the run that {@link StartupRun} started on its own thread
 * earlier in the context's start; one constructed with the public constructors runs it itself, when it is
 * created. Define a bean
 * of this type, or just a {@link MigrationStrategy} bean, to change what happens at startup:
 *
 * <pre>{@code
 * @Bean
 * MigratorInitializer migratorInitializer(Migrator migrator) {
 *     return new MigratorInitializer(migrator, m -> m.upgrade("accounts@head"));
 * }
 * }</pre>
 */
public class MigratorInitializer implements InitializingBean {

    /** What {@link #afterPropertiesSet()} does: the run itself, or waiting for the background run. */
    private final Runnable startup;

    /** Upgrades to {@code heads}. */
    public MigratorInitializer(Migrator migrator) {
        this(migrator, null);
    }

    /** @param strategy what to run; null upgrades to {@code heads} */
    public MigratorInitializer(Migrator migrator, @Nullable MigrationStrategy strategy) {
        Objects.requireNonNull(migrator, "migrator");
        MigrationStrategy run = strategy != null ? strategy : m -> m.upgrade("heads");
        this.startup = () -> run.migrate(migrator);
    }

    /** The auto-configured initializer: waits for the run already going on in the background. */
    MigratorInitializer(StartupRun run) {
        this.startup = run::await;
    }

    @Override
    public void afterPropertiesSet() {
        startup.run();
    }
}
