package dev.migrator.test;

/** The checks of {@link BuiltInMigrationTests}, in the order they run; {@link MigratorTest#skip()} leaves some out. */
public enum BuiltInCheck {

    /** One head, or exactly the heads declared in {@link MigratorTest#heads()}. */
    HEADS,
    /** Every revision loads, and renders its upgrade and downgrade statements. */
    REVISIONS_LOAD,
    /**
     * Every revision passes the safety analysis ({@code Migrator.analyze}, offline: a table created by an
     * earlier revision is taken to be large, as it is in production); an unsuppressed error-level finding
     * fails, naming revision, file:line and rule. Allow a reviewed statement with
     * {@code -- migrator:allow <rule>: <reason>}, or skip this check for a history whose old revisions
     * cannot change.
     */
    SAFE,
    /** An empty database upgrades to heads (with the class's data hooks). */
    UPGRADE,
    /** Every {@code migrate:verify} query is true after that upgrade. */
    VERIFY,
    /** The offline script ({@code upgradeSql("base", "heads")}) run on an empty database gives the same schema. */
    OFFLINE_EQUALS_ONLINE,
    /** The JPA entities match the migrated schema (when the class has entities or a Spring EntityManagerFactory). */
    MODEL_MATCHES,
    /** Each revision in order: upgrade, downgrade (which must restore the schema), upgrade again. */
    STAIRWAY,
    /** Each non-transactional revision, rerun after a simulated failure, gives the schema of a clean upgrade. */
    NON_TRANSACTIONAL_IDEMPOTENT
}
