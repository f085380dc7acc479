package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migration;
import dev.migrator.ReversibleMigration;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Each malformed Java revision fails loading with a message naming the class (and revision), what is wrong and what to do. */
class JavaRevisionErrorsTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> loading(Migration migration) {
        return assertThatThrownBy(() -> RevisionLoader.load(List.of(), JavaRevisionErrorsTest.class.getClassLoader(),
                List.of(migration)))
                .isInstanceOf(RevisionLoadException.class);
    }

    private static String source(Class<?> type) {
        return "java:" + type.getName();
    }

    public static class NotAnnotated implements Migration {
        @Override public void upgrade(Operations op) {}
        @Override public void downgrade(Operations op) {}
    }

    @Test
    void extraInstanceWithoutRevisionAnnotation() {
        loading(new NotAnnotated())
                .hasMessageStartingWith(source(NotAnnotated.class) + ": ")
                .hasMessageContaining("has no @dev.migrator.Revision annotation")
                .hasMessageContaining("Annotate it with @Revision(");
    }

    @Revision(id = "r1", message = "forgot the downgrade")
    public static class NoDowngrade implements Migration {
        @Override public void upgrade(Operations op) {}
    }

    @Test
    void noDowngradeAndNoIrreversibleReason() {
        loading(new NoDowngrade())
                .hasMessageStartingWith(source(NoDowngrade.class) + " (revision r1): no downgrade")
                .hasMessageContaining("Override downgrade(Operations)")
                .hasMessageContaining("@Revision(irreversible = \"<why it cannot be undone>\")");
    }

    @Test
    void aProxyOverridingEveryMethodDoesNotHideAMissingDowngrade() {
        NoDowngrade proxyLike = new NoDowngrade() { // as a CGLIB proxy: overrides everything, delegating to super
            @Override public void upgrade(Operations op) { super.upgrade(op); }
            @Override public void downgrade(Operations op) { super.downgrade(op); }
        };
        loading(proxyLike).hasMessageStartingWith(source(NoDowngrade.class) + " (revision r1): no downgrade");
    }

    @Revision(id = "r2", irreversible = "deletes rows")
    public static class IrreversibleWithoutDowngrade implements Migration {
        @Override public void upgrade(Operations op) {}
    }

    @Test
    void anIrreversibleReasonReplacesTheDowngrade() {
        List<LoadedRevision> loaded = RevisionLoader.load(List.of(), getClass().getClassLoader(),
                List.of(new IrreversibleWithoutDowngrade()));
        assertThat(loaded).singleElement().extracting(LoadedRevision::irreversible).isEqualTo("deletes rows");
    }

    @Revision(id = "not-valid!")
    public static class InvalidId implements Migration {
        @Override public void upgrade(Operations op) {}
        @Override public void downgrade(Operations op) {}
    }

    @Test
    void invalidId() {
        loading(new InvalidId())
                .hasMessageStartingWith(source(InvalidId.class) + ": invalid revision id \"not-valid!\" in @Revision")
                .hasMessageContaining("1 to 64 characters of A-Z, a-z, 0-9 and _");
    }

    @Revision(id = "r3", revises = {"r1", "bad id"})
    public static class InvalidParentId implements Migration {
        @Override public void upgrade(Operations op) {}
        @Override public void downgrade(Operations op) {}
    }

    @Test
    void invalidParentId() {
        loading(new InvalidParentId())
                .hasMessageStartingWith(source(InvalidParentId.class) + ": invalid revision id \"bad id\" in @Revision(revises)");
    }

    @Revision(id = "r4", lockTimeout = "five seconds")
    public static class BadLockTimeout implements Migration {
        @Override public void upgrade(Operations op) {}
        @Override public void downgrade(Operations op) {}
    }

    @Test
    void badLockTimeout() {
        loading(new BadLockTimeout())
                .hasMessageStartingWith(source(BadLockTimeout.class) + " (revision r4): invalid @Revision(lockTimeout = \"five seconds\")")
                .hasMessageContaining("\"500ms\", \"5s\" or \"2m\"");
    }

    @Revision(id = "r5", message = "raw SQL cannot be reversed")
    public static class UnreversibleChange implements ReversibleMigration {
        @Override
        public void change(Operations op) {
            op.execute("DELETE FROM sessions WHERE expired");
        }
    }

    @Test
    void reversibleMigrationWhoseDowngradeCannotBeDerived() {
        loading(new UnreversibleChange())
                .hasMessageStartingWith(source(UnreversibleChange.class) + " (revision r5): the downgrade cannot be derived")
                .hasMessageContaining("execute(DELETE FROM sessions WHERE expired) has no automatic reverse")
                .hasMessageContaining("Implement downgrade(Operations)");
    }

    @Revision(id = "r6")
    public static class ReversibleWithExplicitDowngrade implements ReversibleMigration {
        @Override
        public void change(Operations op) {
            op.execute("UPDATE t SET a = 1");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("UPDATE t SET a = 0");
        }
    }

    @Test
    void anExplicitDowngradeOverridesTheDerivedOne() {
        assertThat(RevisionLoader.load(List.of(), getClass().getClassLoader(), List.of(new ReversibleWithExplicitDowngrade())))
                .singleElement().extracting(LoadedRevision::id).isEqualTo("r6");
    }
}
