package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the startup migration while the context starts, before the web server and before any bean that
 * uses the database (a {@code DatabaseInitializerDetector} orders them after this bean). Define a bean
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

    private final Migrator migrator;
    private final MigrationStrategy strategy;
    private final @Nullable MigratorStartupStatus status;

    /** Upgrades to {@code heads}. */
    public MigratorInitializer(Migrator migrator) {
        this(migrator, null);
    }

    /** @param strategy what to run; null upgrades to {@code heads} */
    public MigratorInitializer(Migrator migrator, @Nullable MigrationStrategy strategy) {
        this(migrator, strategy, null);
    }

    /** The auto-configured initializer: reports the run to {@code status}, which holds readiness back. */
    MigratorInitializer(Migrator migrator, @Nullable MigrationStrategy strategy, @Nullable MigratorStartupStatus status) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.strategy = strategy != null ? strategy : m -> m.upgrade("heads");
        this.status = status;
    }

    @Override
    public void afterPropertiesSet() {
        if (status == null) {
            strategy.migrate(migrator);
        } else {
            status.track(() -> strategy.migrate(migrator));
        }
    }
}
