package dev.migrator.autoconfigure.actuate;

import dev.migrator.check.PostDeployCheck.CheckOutcome;
import dev.migrator.check.PostDeployCheck;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** A web application with actuator and one user check: no account may use a blocked domain. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OpsApp {

    @Bean
    PostDeployCheck noBlockedDomains() {
        return new PostDeployCheck() {
            @Override
            public String name() {
                return "no-blocked-domains";
            }

            @Override
            public CheckOutcome check(Connection connection) throws Exception {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(
                             "SELECT count(*) FROM accounts WHERE email LIKE '%@blocked.example'")) {
                    rows.next();
                    long blocked = rows.getLong(1);
                    return blocked == 0 ? CheckOutcome.passed("no account uses a blocked domain")
                            : CheckOutcome.failed(blocked + " accounts use a blocked domain");
                }
            }
        };
    }

    /** A user check with a bug, switched on by {@code ops-test.broken-check=true}. */
    @Bean
    @ConditionalOnBooleanProperty("ops-test.broken-check")
    PostDeployCheck brokenCheck() {
        return new PostDeployCheck() {
            @Override
            public String name() {
                return "broken-check";
            }

            @Override
            public CheckOutcome check(Connection connection) {
                throw new IllegalStateException("the check's author forgot a null check");
            }
        };
    }

    /** A user check stuck in the database, switched on by {@code ops-test.slow-check=true}. */
    @Bean
    @ConditionalOnBooleanProperty("ops-test.slow-check")
    PostDeployCheck slowCheck() {
        return new PostDeployCheck() {
            @Override
            public String name() {
                return "slow-check";
            }

            @Override
            public CheckOutcome check(Connection connection) throws Exception {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_sleep(600) /* ops-test slow check */");
                }
                return CheckOutcome.passed("slept");
            }
        };
    }
}
