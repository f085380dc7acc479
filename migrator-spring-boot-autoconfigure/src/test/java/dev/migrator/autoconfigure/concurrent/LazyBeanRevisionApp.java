package dev.migrator.autoconfigure.concurrent;

import dev.migrator.Migration;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Lazy;

/**
 * A Java revision that asks the context for a lazy bean while it runs, beside a bean the context's thread creates
 * meanwhile and that must wait for the run (it reads the revision's table). With the concurrent startup run the
 * lazy bean is created on the run's thread while the context's thread waits inside its own bean creation: the case
 * that could deadlock on the context's singleton lock. {@link #readerComing} tells the test that the context's
 * thread is about to wait; the revision asks for the bean only once the test says so ({@link #askForTheBean}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
public class LazyBeanRevisionApp {

    /** The thread that created the lazy bean. */
    public static volatile String helperCreatedOn;
    /** The context's thread, once it is about to create the reader (which waits for the run). */
    public static volatile Thread readerComing;
    public static volatile CountDownLatch readerComingSignal = new CountDownLatch(1);
    /** Opened by the test once the context's thread waits for the run. */
    public static volatile CountDownLatch askForTheBean = new CountDownLatch(1);

    @Bean
    @Lazy
    TableNames tableNames() {
        return new TableNames();
    }

    @Bean
    CreateNamedTable createNamedTable(ObjectProvider<TableNames> names) {
        return new CreateNamedTable(names);
    }

    @Bean
    @DependsOn("migratorStartupRun")
    Object beforeReader() {
        readerComing = Thread.currentThread();
        readerComingSignal.countDown();
        return new Object();
    }

    @Bean
    @DependsOn("beforeReader")
    @DependsOnDatabaseInitialization
    NamedTableReader namedTableReader(DataSource dataSource) throws SQLException {
        return new NamedTableReader(dataSource);
    }

    public static final class TableNames {
        TableNames() {
            helperCreatedOn = Thread.currentThread().getName();
        }

        String table() {
            return "lazily_named";
        }
    }

    @Revision(id = "d4e5f6a1b2c3", revises = "a1b2c3d4e5f6", message = "a Java revision that asks the context for a lazy bean")
    public static final class CreateNamedTable implements Migration {
        private final ObjectProvider<TableNames> names;

        CreateNamedTable(ObjectProvider<TableNames> names) {
            this.names = names;
        }

        @Override
        public void upgrade(Operations op) {
            try {
                if (!askForTheBean.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the revision ask for the bean");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            op.execute("CREATE TABLE " + names.getObject().table() + " (id int)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE " + names.getObject().table());
        }
    }

    public static final class NamedTableReader {
        public final long rows;

        NamedTableReader(DataSource dataSource) throws SQLException {
            rows = ConcurrentApp.rows(dataSource, "lazily_named");
        }
    }
}
