package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.autoconfigure.jpa.Item;
import dev.migrator.autoconfigure.jpa.JpaApp;
import dev.migrator.autoconfigure.ordering.OrderingApp;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/** In the synchronous default, everything that uses the database is created after the migrations. */
@ExtendWith(FreshDatabase.class)
class StartupOrderingTest {

    @Test
    void jdbcTemplateAndJdbcClientUsersStartAfterMigrations(TestDatabase db) {
        try (ConfigurableApplicationContext context = TestApps.run(OrderingApp.class, db)) {
            assertThat(context.getBean(OrderingApp.TemplateReader.class).items).isZero();
            assertThat(context.getBean(OrderingApp.ClientReader.class).items).isZero();
        }
    }

    @Test
    void springSqlInitScriptsRunAfterMigrations(TestDatabase db) {
        try (ConfigurableApplicationContext context = TestApps.run(OrderingApp.class, db,
                "spring.sql.init.mode=always", "spring.sql.init.data-locations=classpath:ordering/data.sql")) {
            assertThat(context.getBean(OrderingApp.TemplateReader.class).items).isEqualTo(1);
        }
        assertThat(db.queryValue("SELECT name FROM items")).isEqualTo("from data.sql");
    }

    @Test
    void jpaEntityManagerFactoryValidatesAgainstTheMigratedSchema(TestDatabase db) {
        try (ConfigurableApplicationContext context = TestApps.run(JpaApp.class, db,
                "spring.jpa.hibernate.ddl-auto=validate", "spring.jpa.open-in-view=false")) {
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            var em = emf.createEntityManager();
            em.getTransaction().begin();
            em.persist(new Item("via JPA"));
            em.getTransaction().commit();
            em.close();
        }
        assertThat(db.queryValue("SELECT name FROM items")).isEqualTo("via JPA");
    }
}
