package dev.migrator.internal.source;

import dev.migrator.Migration;
import dev.migrator.ReversibleMigration;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;
import dev.migrator.internal.revision.RevisionIds;
import dev.migrator.internal.revision.RevisionNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a {@code @Revision} class or instance into a {@link LoadedRevision} (SPEC §2.2). */
final class JavaRevisionReader {

    private JavaRevisionReader() {}

    /** The class carrying {@code @Revision}: the class itself or a superclass (a Spring proxy subclasses the bean's class). */
    static Class<?> annotatedClass(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Revision.class)) {
                return c;
            }
        }
        return null;
    }

    /** Instantiates a class found in a location, through its public no-argument constructor. */
    static Migration instantiate(Class<?> type) {
        String source = source(type);
        if (!Migration.class.isAssignableFrom(type)) {
            throw new RevisionLoadException(source + ": the class is annotated @Revision but does not implement "
                    + Migration.class.getName() + ". Implement Migration (or ReversibleMigration), or remove the annotation.");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new RevisionLoadException(source + ": the class is annotated @Revision but is abstract. "
                    + "Annotate the concrete class instead.");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new RevisionLoadException(source + ": the class has no public no-argument constructor, so Migrator "
                    + "cannot create it. Add one (and make a nested class static), or, under Spring, make it a bean "
                    + "so it is created with its dependencies.");
        }
        try {
            return (Migration) constructor.newInstance();
        } catch (IllegalAccessException e) {
            throw new RevisionLoadException(source + ": the class is not public, so Migrator cannot create it. "
                    + "Make it public.", e);
        } catch (InvocationTargetException e) {
            throw new RevisionLoadException(source + ": its constructor threw " + e.getCause() + ". Fix the constructor.",
                    e.getCause());
        } catch (InstantiationException e) {
            throw new RevisionLoadException(source + ": the class cannot be instantiated (" + e + ").", e);
        }
    }

    /** Reads and checks the revision of {@code migration}, whose class (or a superclass) must carry {@code @Revision}. */
    static LoadedRevision read(Migration migration) {
        Class<?> type = annotatedClass(migration.getClass());
        if (type == null) {
            throw new RevisionLoadException(source(migration.getClass()) + ": this Migration was given to Migrator "
                    + "(e.g. as a Spring bean) but its class has no @" + Revision.class.getName() + " annotation. "
                    + "Annotate it with @Revision(id = \"...\", revises = \"...\", message = \"...\").");
        }
        String source = source(type);
        Revision revision = type.getAnnotation(Revision.class);
        String id = revision.id();
        if (!RevisionIds.isValidId(id)) {
            throw new RevisionLoadException(source + ": invalid revision id \"" + id + "\" in @Revision: expected "
                    + RevisionIds.ID_RULE + ". Change the id (and every revises or dependsOn that refers to it).");
        }
        List<String> revises = ids(source, "revises", revision.revises());
        List<String> dependsOn = ids(source, "dependsOn", revision.dependsOn());
        Set<String> labels = new LinkedHashSet<>();
        for (String label : revision.branchLabels()) {
            if (!RevisionIds.isValidLabel(label)) {
                throw new RevisionLoadException(source + " (revision " + id + "): invalid branch label \"" + label
                        + "\" in @Revision(branchLabels): expected " + RevisionIds.LABEL_RULE + ". Rename the label.");
            }
            labels.add(label);
        }
        Duration lockTimeout = null;
        if (!revision.lockTimeout().isBlank()) {
            try {
                lockTimeout = Durations.parse(revision.lockTimeout());
            } catch (IllegalArgumentException e) {
                throw new RevisionLoadException(source + " (revision " + id + "): invalid @Revision(lockTimeout = \""
                        + revision.lockTimeout() + "\"): expected " + Durations.EXPECTED
                        + ". Fix the value, or leave it empty to use the configured lock timeout.");
            }
        }
        String irreversible = revision.irreversible().isBlank() ? null : revision.irreversible().strip();
        // Asked of the annotated class, not of the instance's: a Spring CGLIB proxy overrides every method.
        Class<?> downgradeOwner = downgradeDeclaringClass(type);
        if (irreversible == null && downgradeOwner == Migration.class) {
            throw new RevisionLoadException(source + " (revision " + id + "): no downgrade. Override "
                    + "downgrade(Operations) to undo upgrade(), implement ReversibleMigration.change(op) to have it "
                    + "derived, or declare @Revision(irreversible = \"<why it cannot be undone>\").");
        }
        if (irreversible == null && downgradeOwner == ReversibleMigration.class) {
            checkDerivableDowngrade(source, id, (ReversibleMigration) migration);
        }
        RevisionNode node = new RevisionNode(id, revises, dependsOn, labels, source);
        return new LoadedRevision(node, revision.message(), revision.phase(), revision.transactional(), lockTimeout,
                irreversible, null, source, new RevisionBody.Java(migration));
    }

    /** A derived downgrade fails at load time, not in the middle of an incident. */
    private static void checkDerivableDowngrade(String source, String id, ReversibleMigration migration) {
        try {
            Operations.record(op -> op.reverseOf(migration::change));
        } catch (RuntimeException e) {
            throw new RevisionLoadException(source + " (revision " + id + "): the downgrade cannot be derived from "
                    + "change(op): " + e.getMessage(), e);
        }
    }

    private static Class<?> downgradeDeclaringClass(Class<?> type) {
        try {
            return type.getMethod("downgrade", Operations.class).getDeclaringClass();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a Migration always has downgrade(Operations)", e);
        }
    }

    private static List<String> ids(String source, String attribute, String[] values) {
        List<String> ids = new ArrayList<>();
        for (String value : values) {
            if (!RevisionIds.isValidId(value)) {
                throw new RevisionLoadException(source + ": invalid revision id \"" + value + "\" in @Revision("
                        + attribute + "): expected " + RevisionIds.ID_RULE + ". Use the id of the revision you mean.");
            }
            if (ids.contains(value)) {
                throw new RevisionLoadException(source + ": \"" + value + "\" is listed twice in @Revision("
                        + attribute + "). List it once.");
            }
            ids.add(value);
        }
        return ids;
    }

    static String source(Class<?> type) {
        return "java:" + type.getName();
    }
}
