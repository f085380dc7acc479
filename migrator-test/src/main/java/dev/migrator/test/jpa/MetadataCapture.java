package dev.migrator.test.jpa;

import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Keeps the boot metadata of every Hibernate SessionFactory built in the test JVM, so the model check
 * compares exactly the mapping the application uses (its naming strategies and settings included).
 * Hibernate finds it through {@code META-INF/services/org.hibernate.integrator.spi.Integrator}; it
 * changes nothing, it only remembers.
 */
public final class MetadataCapture implements Integrator {

    private static final Map<SessionFactoryImplementor, Metadata> METADATA = new WeakHashMap<>();

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        synchronized (METADATA) {
            METADATA.put(sessionFactory, metadata);
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        synchronized (METADATA) {
            METADATA.remove(sessionFactory);
        }
    }

    /** The metadata {@code sessionFactory} was built from, or null when it was built before this class was registered. */
    static Metadata of(SessionFactoryImplementor sessionFactory) {
        synchronized (METADATA) {
            return METADATA.get(sessionFactory);
        }
    }
}
