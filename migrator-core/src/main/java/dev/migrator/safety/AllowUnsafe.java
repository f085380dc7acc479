package dev.migrator.safety;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Suppresses a safety rule for a whole Java revision, with the reason a reviewer reads: the Java
 * counterpart of {@code -- migrator:allow <rule>: <reason>}. Suppressed findings are still reported (as
 * suppressed), never dropped.
 *
 * <pre>{@code
 * @Revision(id = "...", revises = "...")
 * @AllowUnsafe(rule = "create-index-non-concurrently", reason = "audit_log is written once a day, by this job")
 * public class IndexAuditLog implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(AllowUnsafe.List.class)
public @interface AllowUnsafe {

    /** The rule's id, e.g. {@code "create-index-non-concurrently"} (see {@link Rule#id()}). */
    String rule();

    /** Why it is safe here; required. */
    String reason();

    /** The container of repeated {@link AllowUnsafe} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        AllowUnsafe[] value();
    }
}
