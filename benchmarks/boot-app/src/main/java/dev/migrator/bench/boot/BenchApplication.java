package dev.migrator.bench.boot;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's application: nothing but what Boot auto-configures from its class path (web server,
 * actuator, a Hikari DataSource, and whichever migration tool the launcher put on the class path). When it
 * is ready (readiness {@code ACCEPTING_TRAFFIC}, published after every {@code ApplicationReadyEvent}
 * listener ran) it prints {@code READY <JVM uptime ms> <CPU ms of the process so far>} and exits, so the launcher can time start to ready.
 *
 * <p>{@code -Dbench.touchDatabase=true} makes it run one {@code SELECT 1} through the pool while it starts
 * (on {@code ApplicationReadyEvent}), as an application that reads its database at start-up (JPA, a cache
 * warm-up) does; without a migration tool nothing else opens a connection before the first request.
 * {@code -Dbench.steps=N} prints the N longest start-up steps (Boot's {@link BufferingApplicationStartup})
 * to standard error, to see where the time goes.
 */
@SpringBootApplication
public class BenchApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BenchApplication.class);
        int steps = Integer.getInteger("bench.steps", 0);
        BufferingApplicationStartup startup = steps > 0 ? new BufferingApplicationStartup(20_000) : null;
        if (startup != null) {
            application.setApplicationStartup(startup);
        }
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) event -> {
            if (Boolean.getBoolean("bench.touchDatabase")) {
                event.getApplicationContext().getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class);
            }
        });
        application.addListeners((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
            if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
                return;
            }
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            System.out.println("READY " + ManagementFactory.getRuntimeMXBean().getUptime() + " " + cpu);
            System.out.flush();
            if (startup != null) {
                printSteps(startup.getBufferedTimeline(), steps);
            }
            System.exit(0);
        });
        application.run(args);
    }

    /**
     * The {@code count} longest steps; with {@code -Dbench.stepsByStart=true} the steps of {@code count} ms or more,
     * in order of start, each with its start in ms since the JVM started (to see what the main thread did when).
     */
    private static void printSteps(StartupTimeline timeline, int count) {
        boolean byStart = Boolean.getBoolean("bench.stepsByStart");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        timeline.getEvents().stream()
                .filter(e -> !byStart || e.getDuration().toMillis() >= count)
                .sorted(byStart ? Comparator.comparing(StartupTimeline.TimelineEvent::getStartTime)
                        : Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(byStart ? Long.MAX_VALUE : count)
                .forEach(e -> {
                    StringBuilder tags = new StringBuilder();
                    e.getStartupStep().getTags().forEach(t -> tags.append(' ').append(t.getKey()).append('=').append(t.getValue()));
                    String at = byStart ? String.format("at %5d ms ", e.getStartTime().toEpochMilli() - jvmStart) : "";
                    System.err.printf("STEP %s%6.1f ms %s%s%n", at, e.getDuration().toNanos() / 1e6, e.getStartupStep().getName(), tags);
                });
        System.err.printf("STEP total events %d, uptime %s%n", timeline.getEvents().size(),
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
    }
}
