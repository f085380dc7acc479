package dev.migrator;

import dev.migrator.result.MigrationResult;

/**
 * The child of {@link StartPathLinkageTest}: one start, as an application without Spring makes it, then
 * exit. Arguments: JDBC URL, user, location; the password comes from {@code MIGRATOR_TEST_PASSWORD}.
 * Prints how many revisions it applied, without a string concatenation of its own (its linkage would be
 * reported with Migrator's).
 */
public final class NoOpStartProcess {

    private NoOpStartProcess() {}

    public static void main(String[] args) {
        MigrationResult result = Migrator.configure()
                .url(args[0], args[1], System.getenv("MIGRATOR_TEST_PASSWORD"))
                .locations(args[2])
                .load()
                .upgrade("heads");
        System.out.print("applied ");
        System.out.println(result.applied());
    }
}
