package dev.migrator.bench;

import dev.migrator.Migration;
import dev.migrator.MigratorConfiguration;
import dev.migrator.test.BuiltInMigrationTests;
import dev.migrator.test.MigratorTest;
import dev.migrator.test.MigratorTestConfigurer;

/**
 * The test classes {@link BuiltInSuiteBenchmark} launches: each is what a user writes (one class
 * implementing {@link BuiltInMigrationTests}), its revisions given by a configurer because their place
 * is only known at run time.
 */
final class SuiteClasses {

    static final String GENERATED_DIRECTORY = "bench.generatedDirectory";
    static final String SAMPLE_JAVA_REVISION = "dev.migrator.sample.CreateOrderTotalsView";

    private SuiteClasses() {}

    /** The sample app's revisions: its SQL files and its Java revision (a Spring bean in the app, an instance here). */
    @MigratorTest(configure = SampleRevisions.class)
    public static class SampleSuite implements BuiltInMigrationTests {
    }

    /** Generated revisions in a temporary directory. */
    @MigratorTest(configure = GeneratedRevisions.class)
    public static class GeneratedSuite implements BuiltInMigrationTests {
    }

    public static class SampleRevisions implements MigratorTestConfigurer {

        @Override
        public void configure(MigratorConfiguration configuration) {
            configuration.locations("classpath:db/migrations").migrations(sampleJavaRevision());
        }

        private static Migration sampleJavaRevision() {
            try {
                return (Migration) Class.forName(SAMPLE_JAVA_REVISION).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The sample's classes are not on the class path: add sample-app/target/classes"
                        + " to it (see benchmarks/README.md)", e);
            }
        }
    }

    public static class GeneratedRevisions implements MigratorTestConfigurer {

        @Override
        public void configure(MigratorConfiguration configuration) {
            configuration.locations("filesystem:" + System.getProperty(GENERATED_DIRECTORY));
        }
    }
}
