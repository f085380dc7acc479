package dev.migrator.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without {@code spring.datasource.url} the sample starts its own PostgreSQL in-process (from Maven
 * artifacts, nothing to install) and stops it on shutdown. Set {@code spring.datasource.url} to use any
 * PostgreSQL 14+ instead; {@code sample.embedded-database.enabled=false} turns this off as well (the
 * Testcontainers test does, its {@code @ServiceConnection} provides the database).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * {@code sample.embedded-database.port}: 0 (the default) takes any free port; {@code spring-boot:run} sets
     * 54329 (pom.xml) so that the {@code migrator} command line finds the running sample's database
     * ({@code migrator.properties}).
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${sample.embedded-database.port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Started an embedded PostgreSQL on port {} (set spring.datasource.url to use your own)",
                postgres.getPort());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

    static final class NoDatabaseConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url")
                    && context.getEnvironment().getProperty("sample.embedded-database.enabled", Boolean.class, true);
        }
    }
}
