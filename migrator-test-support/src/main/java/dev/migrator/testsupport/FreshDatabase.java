package dev.migrator.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: a test method that declares a {@link TestDatabase} parameter gets a fresh,
 * empty database, dropped after the test.
 *
 * <pre>{@code
 * @ExtendWith(FreshDatabase.class)
 * class SomeTest {
 *     @Test void works(TestDatabase db) { ... }
 * }
 * }</pre>
 */
public final class FreshDatabase implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase db = TestDatabase.create();
        // JUnit closes AutoCloseable values of the test's store when the test ends: that drops it.
        context.getStore(NAMESPACE).put(db.name(), db);
        return db;
    }
}
