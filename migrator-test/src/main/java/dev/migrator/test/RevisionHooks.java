package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The test class's {@link BeforeUpgrade}, {@link AfterUpgrade} and {@link AfterDowngrade} methods, by
 * revision, bound to the test instance that declares them.
 */
final class RevisionHooks {

    enum Moment {
        BEFORE_UPGRADE("@BeforeUpgrade"), AFTER_UPGRADE("@AfterUpgrade"), AFTER_DOWNGRADE("@AfterDowngrade");

        final String annotation;

        Moment(String annotation) {
            this.annotation = annotation;
        }
    }

    private final Object instance;
    private final Map<Moment, Map<String, List<Method>>> methods = new HashMap<>();

    private RevisionHooks(Object instance) {
        this.instance = instance;
        for (Moment moment : Moment.values()) {
            methods.put(moment, new HashMap<>());
        }
    }

    static RevisionHooks none() {
        return new RevisionHooks(null);
    }

    /** The hooks of {@code testClass}; revision ids are resolved now, so a typo fails at once, naming the method. */
    static RevisionHooks of(Class<?> testClass, Object instance, RevisionOrder order) {
        RevisionHooks hooks = new RevisionHooks(instance);
        hooks.collect(testClass, BeforeUpgrade.class, Moment.BEFORE_UPGRADE, order);
        hooks.collect(testClass, AfterUpgrade.class, Moment.AFTER_UPGRADE, order);
        hooks.collect(testClass, AfterDowngrade.class, Moment.AFTER_DOWNGRADE, order);
        return hooks;
    }

    private void collect(Class<?> testClass, Class<? extends java.lang.annotation.Annotation> type, Moment moment,
            RevisionOrder order) {
        for (Method method : AnnotationSupport.findAnnotatedMethods(testClass, type, HierarchyTraversalMode.TOP_DOWN)) {
            String value = revisionOf(method, type);
            boolean takesRunner = method.getParameterCount() == 1 && method.getParameterTypes()[0] == MigrationRunner.class;
            if (method.getParameterCount() > 1 || (method.getParameterCount() == 1 && !takesRunner)) {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, moment.annotation + " method " + describe(method)
                        + " must take no parameter or one MigrationRunner");
            }
            if (instance == null && !Modifier.isStatic(method.getModifiers())) {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, moment.annotation + " method " + describe(method) + " needs a test instance");
            }
            String revision;
            try {
                revision = order.resolve(value);
            } catch (MigratorException e) {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, moment.annotation + "(\"" + value + "\") on " + describe(method) + ": "
                        + e.getMessage());
            }
            methods.get(moment).computeIfAbsent(revision, k -> new ArrayList<>()).add(method);
        }
    }

    private static String revisionOf(Method method, Class<? extends java.lang.annotation.Annotation> type) {
        Object annotation = AnnotationSupport.findAnnotation(method, type).orElseThrow();
        if (annotation instanceof BeforeUpgrade b) {
            return b.value();
        }
        if (annotation instanceof AfterUpgrade a) {
            return a.value();
        }
        return ((AfterDowngrade) annotation).value();
    }

    boolean has(Moment moment, String revision) {
        return methods.get(moment).containsKey(revision);
    }

    boolean hasAny(String revision) {
        for (Moment moment : Moment.values()) {
            if (has(moment, revision)) {
                return true;
            }
        }
        return false;
    }

    boolean hasAny(Moment moment, Iterable<String> revisions) {
        for (String revision : revisions) {
            if (has(moment, revision)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the hooks of {@code revision} at {@code moment}; a failing hook fails naming itself and the revision. */
    void run(Moment moment, String revision, MigrationRunner runner) {
        for (Method method : methods.get(moment).getOrDefault(revision, List.of())) {
            Object target = Modifier.isStatic(method.getModifiers()) ? null : instance;
            try {
                if (method.getParameterCount() == 1) {
                    ReflectionSupport.invokeMethod(method, target, runner);
                } else {
                    ReflectionSupport.invokeMethod(method, target);
                }
            } catch (TestAbortedException e) {
                throw e;
            } catch (Throwable e) {
                throw new AssertionFailedError(moment.annotation + "(\"" + revision + "\") " + describe(method)
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }
}
