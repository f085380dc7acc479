package dev.migrator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Java class implementing {@link Migration} as a revision. The attributes mean the same
 * as the header keys of a SQL revision.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

    /** 1–64 characters of {@code [A-Za-z0-9_]}. */
    String id();

    /** Parent ids: none for a base, one for a linear revision, several for a merge. */
    String[] revises() default {};

    String message() default "";

    String[] branchLabels() default {};

    /** Revisions that must be applied first without being parents. */
    String[] dependsOn() default {};

    Phase phase() default Phase.EXPAND;

    boolean transactional() default true;

    /** Overrides the configured lock timeout for this revision, e.g. {@code "2s"}; empty for the default. */
    String lockTimeout() default "";

    /** Non-empty marks the revision irreversible: downgrading across it fails, quoting this reason. */
    String irreversible() default "";
}
