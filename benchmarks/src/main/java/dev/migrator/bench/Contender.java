package dev.migrator.bench;

import java.util.List;

/** One way of bringing a database to the latest revision: a cold apply or, when nothing is pending, a no-op. */
interface Contender {

    String name();

    /** Loads the revisions, validates what is applied and applies what is pending, from scratch (no state kept between calls). */
    Run upgrade(Db db, RevisionFiles files) throws Exception;

    /**
     * @param applied revisions applied by this call
     * @param loadNanos time spent reading, parsing and hashing the files, or -1 when the tool does not
     *     expose it separately
     */
    record Run(int applied, long loadNanos) {}

    /**
     * By display name or by key ({@code raw}, {@code migrator}, {@code indexed} for Migrator with its
     * revision index, {@code flyway}, {@code baseline}: the first word, any case). {@code baseline} is
     * Migrator from the jar named by {@code bench.baselineJar}, {@code baseline-indexed} the same on the indexed location.
     */
    static Contender named(String name) {
        if (name.equalsIgnoreCase(MigratorContender.INDEXED_NAME)) {
            return new MigratorContender(true);
        }
        if (name.equalsIgnoreCase(BaselineMigratorContender.INDEXED_NAME) || name.equalsIgnoreCase("baseline-indexed")) {
            return new BaselineMigratorContender(true);
        }
        if (name.equalsIgnoreCase(ReflectiveMigrator.INDEXED_NAME)) {
            return new ReflectiveMigrator(true);
        }
        switch (name.split(" ")[0].toLowerCase(java.util.Locale.ROOT)) {
            case "raw":
                return new RawJdbc();
            case "flyway":
                return new FlywayContender();
            case "migrator":
                return new MigratorContender(false);
            case "indexed":
                return new MigratorContender(true);
            case "baseline":
                return new BaselineMigratorContender(false);
            case "reflective":
                return new ReflectiveMigrator(false);
            default:
                throw new IllegalArgumentException("unknown contender " + name + "; known: " + ALL);
        }
    }

    /** Raw JDBC first: it is the baseline every ratio divides by. */
    List<String> ALL = List.of(RawJdbc.NAME, MigratorContender.NAME, MigratorContender.INDEXED_NAME, FlywayContender.NAME);
}
