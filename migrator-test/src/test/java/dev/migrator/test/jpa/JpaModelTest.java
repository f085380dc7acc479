package dev.migrator.test.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.test.MigrationRunner;
import dev.migrator.test.MigratorTest;
import dev.migrator.test.jpa.drift.DriftedOrder;
import dev.migrator.test.jpa.drift.DriftedUser;
import dev.migrator.test.jpa.drift.Invoice;
import dev.migrator.test.jpa.shop.ShopOrder;
import dev.migrator.test.jpa.shop.ShopUser;
import org.junit.jupiter.api.Test;

/** The model check lists every difference at once, and none for a model that matches. */
@MigratorTest(locations = "classpath:sets/shop")
class JpaModelTest {

    @Test
    void listsEveryDifferenceBetweenADriftedModelAndTheMigratedSchema(MigrationRunner db) {
        db.migrateUpTo("heads");
        JpaModel model = JpaModel.ofEntities(DriftedUser.class, DriftedOrder.class, Invoice.class);

        assertThat(model.differences(db.dataSource())).extracting(ModelDifference::describe).containsExactlyInAnyOrder(
                "table invoices: missing in the database (mapped by Invoice)",
                "column users.status: the model expects character varying(255), the database has user_status (mapped by DriftedUser)",
                "column users.created_at: NOT NULL in the database, the model allows null (an entity without a value fails to insert) (mapped by DriftedUser)",
                "column users.nickname: the model expects character varying(80), the database has character varying(40) (mapped by DriftedUser)",
                "column users.phone: missing in the database (mapped by DriftedUser)",
                "column orders.total_cents: the model expects integer, the database has bigint (mapped by DriftedOrder)",
                "column orders.total_cents: NOT NULL in the database, the model allows null (an entity without a value fails to insert) (mapped by DriftedOrder)",
                "column orders.note: the model declares it NOT NULL, the database allows null (mapped by DriftedOrder)",
                "column orders.user_id: NOT NULL without a default in the database and not mapped by the model, so inserts through the entity fail (mapped by DriftedOrder)",
                "sequence orders_seq: missing in the database (the model takes identifiers from it)");
        assertThatThrownBy(() -> model.assertMatches(db.dataSource()))
                .hasMessageStartingWith("The JPA model (3 entity class(es)) does not match the migrated schema (10 differences):\n  ")
                .hasMessageContaining("\n  column users.phone: missing in the database (mapped by DriftedUser)");
    }

    @Test
    void findsNothingWhenTheModelMatches(MigrationRunner db) {
        db.migrateUpTo("heads");

        assertThat(JpaModel.ofEntities(ShopUser.class, ShopOrder.class).differences(db.dataSource())).isEmpty();
    }
}
