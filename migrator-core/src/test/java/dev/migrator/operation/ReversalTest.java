package dev.migrator.operation;

import dev.migrator.operation.Column.ColumnDefault;

import dev.migrator.operation.ColumnOperation.AlterColumn;
import dev.migrator.operation.ColumnOperation.DropColumn;
import dev.migrator.operation.IndexOperation.CreateIndex;
import dev.migrator.operation.IndexOperation.DropIndex;
import dev.migrator.operation.SafePattern.AddColumnNotNullSafely;
import dev.migrator.operation.SafePattern.ExpandColumn;
import dev.migrator.operation.TableOperation.RenameTable;

import static dev.migrator.operation.Column.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.MigratorException;
import dev.migrator.ReversibleMigration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReversalTest {

    private static List<Operation> record(Consumer<Operations> body) {
        return OperationRecorder.record(body);
    }

    private static Operation only(Consumer<Operations> body) {
        List<Operation> ops = record(body);
        assertThat(ops).hasSize(1);
        return ops.get(0);
    }

    @Test
    void reverseOfReverseIsTheOriginalForOperationsThatCarryTheirDefinition() {
        List<Operation> reversible = record(op -> {
            op.createTable("users", column("id", Type.BIGINT).primaryKey(), column("email", Type.TEXT)).check("c", "true");
            op.addColumn("users", column("email_verified", Type.BOOLEAN).notNull().defaultValue("false"));
            op.dropColumn("users", column("legacy", Type.TEXT));
            op.renameTable("app.users", "accounts");
            op.alterColumn("orders", "amount").type(Type.BIGINT, "amount::bigint").fromType(Type.INTEGER, "amount::int")
                    .setNotNull().setDefault("0").fromNoDefault().renameTo("amount_cents");
            op.createIndex("ix_users_email", "app.users", "lower(email)").unique().where("email IS NOT NULL").concurrently();
            op.addForeignKey("orders_user_fk", "orders", "user_id", "users", "id").onDelete("CASCADE").notValid();
            op.addCheck("positive", "orders", "amount > 0");
            op.createEnum("mood", "happy", "sad");
            op.commentOnColumn("users", "email", "login").from(null);
            op.addColumnNotNullSafely("users", column("active", Type.BOOLEAN).notNull(), "true");
            op.expandColumnRename("users", "name", column("full_name", Type.TEXT));
            op.autocommitBlock(block -> block.createIndex("ix_a", "t", "a").concurrently());
        });
        for (Operation op : reversible) {
            Operation reverse = op.reverse().orElseThrow(() -> new AssertionError("no reverse for " + op.describe()));
            if (op instanceof AddColumnNotNullSafely || op instanceof ExpandColumn) {
                continue; // composites reverse to their undo, whose reverse is a different (plain) operation
            }
            assertThat(reverse.reverse()).as(op.describe()).contains(op);
        }
    }

    @Test
    void reversesAreTheExpectedOperations() {
        assertThat(only(op -> op.addColumn("users", column("email_verified", Type.BOOLEAN))).reverse())
                .contains(new DropColumn("users", "email_verified", column("email_verified", Type.BOOLEAN), false));
        assertThat(only(op -> op.renameTable("app.users", "accounts")).reverse())
                .contains(new RenameTable("app.accounts", "users"));
        assertThat(only(op -> op.createIndex("ix", "app.t", "a")).reverse().orElseThrow())
                .isInstanceOfSatisfying(DropIndex.class, drop -> assertThat(drop.name()).isEqualTo("app.ix"));
        assertThat(only(op -> op.alterColumn("t", "a").dropNotNull()).reverse().orElseThrow())
                .isInstanceOfSatisfying(AlterColumn.class, alter -> assertThat(alter.nullable()).isFalse());
        assertThat(only(op -> op.alterColumn("t", "a").renameTo("b").setDefault("1").fromDefault("0")).reverse().orElseThrow())
                .isEqualTo(new AlterColumn("t", "b", null, null, null, null, null, ColumnDefault.of("0"),
                        ColumnDefault.of("1"), "a"));
        assertThat(only(op -> op.addColumnNotNullSafely("users", column("active", Type.BOOLEAN).notNull(), "true"))
                .reverse()).contains(new DropColumn("users", "active", column("active", Type.BOOLEAN).notNull(), false));
    }

    @Test
    void operationsWithoutEnoughInformationHaveNoReverse() {
        List<Operation> irreversible = record(op -> {
            op.dropColumn("users", "email_verified");
            op.dropTable("users");
            op.dropIndex("ix");
            op.dropConstraint("t", "c");
            op.dropEnum("mood");
            op.execute("DELETE FROM users");
            op.alterColumn("t", "a").type(Type.TEXT);
            op.alterColumn("t", "a").setDefault("1");
            op.commentOnTable("t", "x");
            op.addEnumValue("mood", "meh");
            op.batchUpdate("t", "a = 1", null);
            op.contractColumnRename("t", "a", "b");
        });
        assertThat(irreversible).allSatisfy(op -> assertThat(op.reverse()).as(op.describe()).isEmpty());
    }

    @Test
    void validationReversesToNothing() {
        Operation reverse = only(op -> op.validateConstraint("t", "c")).reverse().orElseThrow();
        assertThat(new dev.migrator.internal.dialect.postgresql.PostgresDialect().render(reverse)).isEmpty();
    }

    static final class AddOrdersTable implements ReversibleMigration {
        @Override
        public void change(Operations op) {
            op.createTable("orders", column("id", Type.BIGINT).primaryKey(), column("user_id", Type.BIGINT));
            op.addForeignKey("orders_user_fk", "orders", "user_id", "users", "id").notValid();
            op.validateConstraint("orders", "orders_user_fk");
            op.createIndex("ix_orders_user", "orders", "user_id");
        }
    }

    @Test
    void changeDerivesTheDowngradeInReverseOrder() {
        List<Operation> downgrade = record(new AddOrdersTable()::downgrade);
        assertThat(downgrade).extracting(Operation::describe).containsExactly(
                "dropIndex(ix_orders_user)",
                "nothing (undo validateConstraint(orders_user_fk on orders))",
                "dropConstraint(orders_user_fk on orders)",
                "dropTable(orders)");
        assertThat(record(new AddOrdersTable()::upgrade)).hasSize(4);
    }

    static final class DropsAColumnBlindly implements ReversibleMigration {
        @Override
        public void change(Operations op) {
            op.addColumn("users", column("nickname", Type.TEXT));
            op.dropColumn("users", "email_verified");
        }
    }

    @Test
    void aNonReversibleOperationInChangeFailsNamingIt() {
        assertThatThrownBy(() -> record(new DropsAColumnBlindly()::downgrade))
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("dropColumn(users.email_verified) without the column definition")
                .hasMessageContaining("operation 2 of change()")
                .hasMessageContaining("Implement downgrade(Operations)");
    }

    @Test
    void rawSqlInChangeFailsNamingTheStatement() {
        assertThatThrownBy(() -> record(op -> op.reverseOf(change -> change.execute("UPDATE users SET a = 1"))))
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("execute(UPDATE users SET a = 1)");
    }

    @Test
    void fluentModifiersRefineTheRecordedOperationInsteadOfAddingOne() {
        List<Operation> ops = record(op -> op.createIndex("ix", "t", "a").unique().concurrently().where("a > 0"));
        assertThat(ops).containsExactly(new CreateIndex("ix", "t", List.of("a"), true, "a > 0", null, true, false));
    }

    @Test
    void badDefinitionsAreRejectedWhenRecorded() {
        assertThatThrownBy(() -> record(op -> op.createTable("t")))
                .hasMessageContaining("createTable(t) needs at least one column");
        assertThatThrownBy(() -> record(op -> op.batchUpdate("t", "a = 1", null).batchSize(0)))
                .hasMessageContaining("batch size must be positive");
        assertThatThrownBy(() -> column("a", Type.TEXT).onDelete("CASCADE"))
                .hasMessageContaining("call references(table, column) before onDelete()");
    }
}
