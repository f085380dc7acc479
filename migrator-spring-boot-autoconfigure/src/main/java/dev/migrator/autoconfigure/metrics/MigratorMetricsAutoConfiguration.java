package dev.migrator.autoconfigure.metrics;

import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.MigratorChecksAutoConfiguration;
import dev.migrator.Migrator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Migrator's Micrometer meters, when the application has a {@link MeterRegistry}. The meters hang
 * on the engine's {@link dev.migrator.event.MigrationListener} events: the bean is a listener the
 * Migrator picks up.
 */
@AutoConfiguration(after = MigratorChecksAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration"})
@ConditionalOnClass({Migrator.class, MeterRegistry.class})
@ConditionalOnBean({Migrator.class, MeterRegistry.class})
public final class MigratorMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigratorMetrics migratorMetrics(MeterRegistry registry, MigrationStatusView status, ObjectProvider<MigrationChecks> checks) {
        return new MigratorMetrics(registry, status, checks.getIfAvailable());
    }
}
