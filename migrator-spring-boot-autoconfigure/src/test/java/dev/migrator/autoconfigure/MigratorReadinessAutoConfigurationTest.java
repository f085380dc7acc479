package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MigratorReadinessAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
                    AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
                    MigratorReadinessAutoConfiguration.class))
            .withBean(MigratorStartupStatus.class, MigratorStartupStatus::new);

    @Test
    void replacesBootsReadinessIndicatorWithAMigrationAwareOne() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("readinessStateHealthIndicator"))
                    .isInstanceOf(MigrationAwareReadinessStateHealthIndicator.class);
        });
    }

    @Test
    void backsOffWhenTheUserDefinesTheReadinessIndicator() {
        runner.withBean("readinessStateHealthIndicator", ReadinessStateHealthIndicator.class,
                        () -> new ReadinessStateHealthIndicator(new ApplicationAvailabilityBean()))
                .run(context -> assertThat(context.getBean("readinessStateHealthIndicator"))
                        .isNotInstanceOf(MigrationAwareReadinessStateHealthIndicator.class));
    }

    @Test
    void backsOffWithoutActuatorHealth() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
                        MigratorReadinessAutoConfiguration.class))
                .withBean(MigratorStartupStatus.class, MigratorStartupStatus::new)
                .withClassLoader(new FilteredClassLoader(ReadinessStateHealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("readinessStateHealthIndicator"));
    }

    @Test
    void refusesTrafficUntilTheStartupRunFinishedEvenWhenTheApplicationAcceptsTraffic() {
        runner.run(context -> {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
                    .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            MigratorStartupStatus status = context.getBean(MigratorStartupStatus.class);
            ReadinessStateHealthIndicator readiness = context.getBean("readinessStateHealthIndicator",
                    ReadinessStateHealthIndicator.class);

            assertThat(readiness.health().getStatus()).as("no run scheduled").isEqualTo(Status.UP);
            status.waiting();
            assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            status.running();
            assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            status.failed(new IllegalStateException("boom"));
            assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            status.finished();
            assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);

            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            assertThat(readiness.health().getStatus()).as("the application's own state still counts")
                    .isEqualTo(Status.OUT_OF_SERVICE);
        });
    }
}
