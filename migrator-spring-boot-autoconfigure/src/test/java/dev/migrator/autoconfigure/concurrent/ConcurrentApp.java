package dev.migrator.autoconfigure.concurrent;

import dev.migrator.Direction;
import dev.migrator.autoconfigure.MigratorStartupStatus;
import dev.migrator.event.MigrationListener;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A web application with beans created once the startup run started ({@code @DependsOn("migratorStartupRun")},
 * as beans that come after Migrator's do): one that does not touch the database (it signals that the context
 * went on starting, and what the run was doing then), then two that read the table the {@code db/slow}
 * revision creates, in their constructors. Without JPA: Spring creates the
 * {@code EntityManagerFactory} (a {@code LoadTimeWeaverAware}) before every other singleton, so with JPA the
 * start waits for the run at once and nothing overlaps (docs/spring-boot.md).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@Import(ConcurrentApp.AfterMigrator.class)
public class ConcurrentApp {

    /** Counted down when the context created a bean after the startup run started. */
    public static volatile CountDownLatch contextWentOn = new CountDownLatch(1);
    /** What the startup run was doing when that bean was created. */
    public static volatile MigratorStartupStatus.State runWhenContextWentOn;
    /** The thread the startup upgrade ran on. */
    public static volatile String upgradeThread;

    @Configuration(proxyBeanMethods = false)
    public static class AfterMigrator {

        @Bean
        @DependsOn("migratorStartupRun")
        ContextGoesOn contextGoesOn(MigratorStartupStatus status) {
            return new ContextGoesOn(status);
        }

        /** A bean of a library that fails while the context starts (before the readers below, which
         * would wait for the run). */
        @Bean
        @DependsOn("migratorStartupRun")
        @ConditionalOnBooleanProperty("test.fail-after-migrator")
        Object failingBean() {
            throw new IllegalStateException("a bean after Migrator's failed");
        }

        @Bean
        @DependsOnDatabaseInitialization
        SlowDoneReader slowDoneReader(DataSource dataSource) throws SQLException {
            return new SlowDoneReader(dataSource);
        }

        @Bean
        TemplateSlowDoneReader templateSlowDoneReader(JdbcTemplate jdbc) {
            return new TemplateSlowDoneReader(jdbc);
        }

        @Bean
        MigrationListener upgradeThreadRecorder() {
            return new MigrationListener() {
                @Override
                public void runStarted(RunStarted event) {
                    if (event.direction() == Direction.UPGRADE) {
                        upgradeThread = Thread.currentThread().getName();
                    }
                }
            };
        }
    }

    public static final class ContextGoesOn {
        ContextGoesOn(MigratorStartupStatus status) {
            runWhenContextWentOn = status.state();
            contextWentOn.countDown();
        }
    }

    /** Plain JDBC, ordered by {@code @DependsOnDatabaseInitialization} alone. */
    public static final class SlowDoneReader {
        public final long rows;

        SlowDoneReader(DataSource dataSource) throws SQLException {
            rows = rows(dataSource, "slow_done");
        }
    }

    /** {@code SELECT count(*)} of {@code table}, with plain JDBC. */
    static long rows(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static final class TemplateSlowDoneReader {
        public final long rows;

        TemplateSlowDoneReader(JdbcTemplate jdbc) {
            rows = jdbc.queryForObject("SELECT count(*) FROM slow_done", Long.class);
        }
    }
}
