package dev.migrator.test;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Implement it in a test class and the class runs the built-in migration checks as JUnit dynamic
 * tests: heads, every revision loads, upgrade base to heads, verify queries, offline equals online,
 * the JPA model (when there is one), the stairway (upgrade, downgrade, upgrade each revision, the
 * downgrade leaving no trace) and non-transactional revisions' idempotency. Configure it with
 * {@link MigratorTest}; add data with {@link BeforeUpgrade}, {@link AfterUpgrade} and
 * {@link AfterDowngrade} methods; write your own tests with a {@link MigrationRunner} parameter.
 */
@ExtendWith(MigratorExtension.class)
public interface BuiltInMigrationTests {

    /** The checks depend on each other's databases (the stairway's states feed the idempotency checks): one thread. */
    @TestFactory
    @Execution(ExecutionMode.SAME_THREAD)
    default Stream<DynamicNode> builtInMigrationTests(BuiltInSuite suite) {
        return suite.tests();
    }
}
