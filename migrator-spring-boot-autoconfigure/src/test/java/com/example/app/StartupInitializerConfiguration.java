package com.example.app;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.MigratorInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** docs/spring-boot.md, "Your own startup migration": a MigratorInitializer bean, verbatim. */
@Configuration(proxyBeanMethods = false)
public class StartupInitializerConfiguration {

    @Bean
    MigratorInitializer migratorInitializer(Migrator migrator) {
        return new MigratorInitializer(migrator, m -> m.upgrade("billing@head"));
    }
}
