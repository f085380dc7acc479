package dev.migrator.autoconfigure.actuate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource (HikariCP, as Boot configures it), counting every connection obtained from
 * it. Everything else goes to the pool unchanged: the connections are the pool's own.
 */
public final class CountingDataSource extends DelegatingDataSource {

    private final AtomicInteger obtained = new AtomicInteger();

    CountingDataSource(DataSource pool) {
        super(pool);
    }

    /** How many connections were obtained from the DataSource so far. */
    public int obtained() {
        return obtained.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        obtained.incrementAndGet();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        obtained.incrementAndGet();
        return super.getConnection(username, password);
    }

    /** The pool behind it, for its figures (connections in use). */
    public <T> T pool(Class<T> type) {
        T pool = DataSourceUnwrapper.unwrap(this, type);
        if (pool == null) {
            throw new IllegalStateException("no " + type.getName() + " behind " + getTargetDataSource());
        }
        return pool;
    }

    /** Add to an application to count its DataSource's connections. */
    @Configuration(proxyBeanMethods = false)
    public static class Wrapping {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource pool && "dataSource".equals(name) ? new CountingDataSource(pool) : bean;
                }
            };
        }
    }
}
