package dev.migrator;

import dev.migrator.operation.Operations;

/**
 * A revision written in Java. Annotate the class with {@link Revision}.
 *
 * <pre>{@code
 * @Revision(id = "1f3c9a7e2b44", revises = "0a9d5c2e8f11", message = "add email_verified to users")
 * public class AddEmailVerified implements Migration {
 *     public void upgrade(Operations op) { op.addColumn("users", column("email_verified", BOOLEAN)); }
 *     public void downgrade(Operations op) { op.dropColumn("users", "email_verified"); }
 * }
 * }</pre>
 *
 * <p>A migration must override {@link #downgrade} unless its {@link Revision#irreversible()} gives a
 * reason; loading fails otherwise.
 */
public interface Migration {

    void upgrade(Operations op);

    /** Undoes {@link #upgrade}. The default exists only for irreversible revisions. */
    default void downgrade(Operations op) {
        throw new MigratorException(ErrorCode.IRREVERSIBLE, "Revision " + getClass().getName()
                + " has no downgrade(): implement downgrade(Operations) or mark it @Revision(irreversible = \"why\")");
    }
}
