package dev.migrator.test;

import dev.migrator.MigratorConfiguration;
import dev.migrator.test.database.DatabaseServer;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What a test class's harness is made of, whichever way it was found (annotation, Spring, container).
 *
 * @param server        where scratch databases are created
 * @param configuration a new configuration per call, everything set but the DataSource
 * @param declaredHeads heads the graph must have; empty: exactly one
 * @param skipped       built-in checks left out
 * @param model         the JPA model check, or null when the class has no model
 */
record HarnessSetup(DatabaseServer server, Supplier<MigratorConfiguration> configuration, List<String> declaredHeads,
        Set<BuiltInCheck> skipped, ModelCheck model) {

    /** Compares an ORM's expected schema with a migrated database; kept abstract so Hibernate stays optional. */
    interface ModelCheck {

        /** Every difference, in words; empty when the model matches. */
        List<String> differences(DataSource migrated);
    }
}
