package com.example.app;

import dev.migrator.autoconfigure.MigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** docs/spring-boot.md, "Your own startup migration": a MigrationStrategy bean, verbatim. */
@Configuration(proxyBeanMethods = false)
public class StartupMigrationConfiguration {

    // Only the accounts branch at startup; the billing team's job migrates its own branch.
    @Bean
    MigrationStrategy migrationStrategy() {
        return migrator -> migrator.upgrade("accounts@head");
    }
}
