package dev.migrator.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A per-revision data hook: the annotated method of the test class runs right after the revision was downgraded: assert the data it promises to keep.
 * It takes no parameter or one {@link MigrationRunner} (the database being migrated).
 *
 * <p>Hooks run wherever the harness moves a database across the revision: in the built-in stairway
 * and upgrade tests and in every {@link MigrationRunner} of the class. Rows seeded by a hook stay in
 * that database for the revisions after it.
 *
 * @see BeforeUpgrade
 * @see AfterUpgrade
 * @see AfterDowngrade
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AfterDowngrade {

    /** The revision: its id, or a unique prefix of at least 4 characters. */
    String value();
}
