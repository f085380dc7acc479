package dev.migrator;

import dev.migrator.result.MigrationResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Main class of the child JVM that {@link KilledMigrationTest} kills: upgrades to heads.
 * Arguments: JDBC URL, user, location, seconds for {@code migrator_test.sleep}. The password comes
 * from the environment variable {@code MIGRATOR_CHILD_PASSWORD}, never the command line.
 */
public final class ChildMigration {

    private ChildMigration() {}

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(System.getenv().getOrDefault("MIGRATOR_CHILD_PASSWORD", ""));
        dataSource.setOptions("-c migrator_test.sleep=" + args[3]);
        try {
            MigrationResult result = Migrator.configure().dataSource(dataSource).locations(args[2]).load().upgrade("heads");
            System.out.println("applied " + result.applied());
            System.exit(0);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
