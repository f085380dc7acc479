package dev.migrator.test;

import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit extension behind {@link MigratorTest} and {@link BuiltInMigrationTests}: resolves
 * {@link BuiltInSuite} and {@link MigrationRunner} parameters. One harness per test class (revisions
 * loaded once, templates shared), closed with the class; each runner's database is dropped when its
 * test ends.
 */
public final class MigratorExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigratorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == BuiltInSuite.class || type == MigrationRunner.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter declared = parameter.getParameter();
        Harness harness = harness(context);
        Object instance = context.getTestInstance().orElse(null);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (declared.getType() == BuiltInSuite.class) {
            RevisionHooks hooks = harness.loadError() == null
                    ? RevisionHooks.of(context.getRequiredTestClass(), instance, harness.order())
                    : RevisionHooks.none();
            SuiteRun run = new SuiteRun(harness, hooks);
            // JUnit closes AutoCloseable values of the factory's store once all its dynamic tests ran.
            store.put(new Object(), run);
            return new BuiltInSuite(run);
        }
        MigrationRunner runner = harness.newRunner(RevisionHooks.of(context.getRequiredTestClass(), instance, harness.order()));
        store.put(new Object(), (AutoCloseable) runner::dropDatabase);
        return runner;
    }

    /** The harness of the test class (of the outermost context that has the class but no method). */
    private static Harness harness(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext owner = classContext;
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Harness.class,
                key -> new Harness(HarnessSetups.forTestClass(owner)), Harness.class);
    }
}
