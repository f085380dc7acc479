package dev.migrator.autoconfigure.jpa;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** JPA over the migrated schema; with ddl-auto=validate the EntityManagerFactory fails unless migrations ran first. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class JpaApp {
}
