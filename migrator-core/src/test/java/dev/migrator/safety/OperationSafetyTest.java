package dev.migrator.safety;

import dev.migrator.safety.SafetyReport.Finding;

import static dev.migrator.operation.Column.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.Phase;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;
import dev.migrator.operation.Type;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code op} API's operations report their own safety exactly: each is a typed value, so
 * {@code createIndex(...).concurrently()} is a concurrent build by construction and the safe-pattern
 * operations ({@code addColumnNotNullSafely}, {@code expandColumnRename}, {@code batchUpdate}) are clean.
 * Offline: the operations are recorded without a database.
 */
class OperationSafetyTest {

    @Revision(id = "j0", message = "tables")
    public static class Tables implements Migration {
        public void upgrade(Operations op) {
            op.createTable("accounts", column("id", Type.of("bigint GENERATED ALWAYS AS IDENTITY")).primaryKey(),
                    column("email", Type.varchar(100)), column("score", Type.INTEGER), column("name", Type.TEXT));
            op.createTable("orders", column("id", Type.BIGINT).primaryKey(), column("account_id", Type.BIGINT),
                    column("total", Type.INTEGER));
            op.createIndex("orders_account_idx", "orders", "account_id"); // a new table: fine
        }

        public void downgrade(Operations op) {
            op.dropTable("orders");
            op.dropTable("accounts");
        }
    }

    @Revision(id = "j_index", revises = "j0")
    public static class PlainIndex implements Migration {
        public void upgrade(Operations op) { op.createIndex("accounts_email_idx", "accounts", "email"); }
        public void downgrade(Operations op) { op.dropIndex("accounts_email_idx"); }
    }

    @Revision(id = "j_index_concurrently", revises = "j0", transactional = false)
    public static class ConcurrentIndex implements Migration {
        public void upgrade(Operations op) { op.createIndex("accounts_email_idx2", "accounts", "email").concurrently(); }
        public void downgrade(Operations op) { op.dropIndex("accounts_email_idx2").concurrently(); }
    }

    @Revision(id = "j_index_concurrently_in_tx", revises = "j0")
    public static class ConcurrentIndexInTransaction implements Migration {
        public void upgrade(Operations op) { op.createIndex("accounts_email_idx3", "accounts", "email").concurrently(); }
        public void downgrade(Operations op) { op.dropIndex("accounts_email_idx3").concurrently(); }
    }

    @Revision(id = "j_fk", revises = "j0")
    public static class ForeignKey implements Migration {
        public void upgrade(Operations op) { op.addForeignKey("orders_account_fk", "orders", "account_id", "accounts", "id"); }
        public void downgrade(Operations op) { op.dropConstraint("orders", "orders_account_fk"); }
    }

    @Revision(id = "j_fk_not_valid", revises = "j0")
    public static class ForeignKeyNotValid implements Migration {
        public void upgrade(Operations op) {
            op.addForeignKey("orders_account_fk2", "orders", "account_id", "accounts", "id").notValid();
        }
        public void downgrade(Operations op) { op.dropConstraint("orders", "orders_account_fk2"); }
    }

    @Revision(id = "j_fk_validate", revises = "j_fk_not_valid")
    public static class ValidateForeignKey implements Migration {
        public void upgrade(Operations op) { op.validateConstraint("orders", "orders_account_fk2"); }
        public void downgrade(Operations op) { }
    }

    @Revision(id = "j_not_null_safely", revises = "j0", transactional = false)
    public static class NotNullSafely implements Migration {
        public void upgrade(Operations op) {
            op.addColumnNotNullSafely("accounts", column("verified", Type.BOOLEAN).notNull().defaultValue("false"), "false");
        }
        public void downgrade(Operations op) { op.dropColumn("accounts", "verified"); }
    }

    @Revision(id = "j_not_null", revises = "j0")
    public static class NotNullColumn implements Migration {
        public void upgrade(Operations op) { op.addColumn("accounts", column("plan", Type.TEXT).notNull()); }
        public void downgrade(Operations op) { op.dropColumn("accounts", "plan"); }
    }

    @Revision(id = "j_type_rewrite", revises = "j0")
    public static class TypeRewrite implements Migration {
        public void upgrade(Operations op) { op.alterColumn("accounts", "score").type(Type.BIGINT).fromType(Type.INTEGER); }
        public void downgrade(Operations op) { op.alterColumn("accounts", "score").type(Type.INTEGER); }
    }

    @Revision(id = "j_type_widen", revises = "j0")
    public static class TypeWiden implements Migration {
        public void upgrade(Operations op) { op.alterColumn("accounts", "email").type(Type.varchar(200)); }
        public void downgrade(Operations op) { op.alterColumn("accounts", "email").type(Type.varchar(100)); }
    }

    @Revision(id = "j_update", revises = "j0")
    public static class UnboundedUpdate implements Migration {
        public void upgrade(Operations op) {
            op.addColumn("orders", column("state", Type.TEXT));
            op.execute("UPDATE orders SET state = 'new' WHERE state IS NULL");
        }
        public void downgrade(Operations op) { op.dropColumn("orders", "state"); }
    }

    @Revision(id = "j_batch", revises = "j0", transactional = false)
    public static class BatchedUpdate implements Migration {
        public void upgrade(Operations op) {
            op.addColumn("orders", column("state2", Type.TEXT));
            op.batchUpdate("orders", "state2 = 'new'", "state2 IS NULL");
        }
        public void downgrade(Operations op) { op.dropColumn("orders", "state2"); }
    }

    @Revision(id = "j_rename", revises = "j0")
    public static class Rename implements Migration {
        public void upgrade(Operations op) { op.renameColumn("accounts", "name", "full_name"); }
        public void downgrade(Operations op) { op.renameColumn("accounts", "full_name", "name"); }
    }

    @Revision(id = "j_expand", revises = "j0", transactional = false)
    public static class ExpandRename implements Migration {
        public void upgrade(Operations op) { op.expandColumnRename("accounts", "name", column("display_name", Type.TEXT)); }
        public void downgrade(Operations op) { op.dropColumn("accounts", "display_name"); }
    }

    @Revision(id = "j_contract", revises = "j_expand", phase = Phase.CONTRACT, transactional = false)
    public static class ContractRename implements Migration {
        public void upgrade(Operations op) { op.contractColumnRename("accounts", "name", "display_name"); }
        public void downgrade(Operations op) { op.addColumn("accounts", column("name", Type.TEXT)); }
    }

    @Revision(id = "j_allowed", revises = "j0")
    @AllowUnsafe(rule = "create-index-non-concurrently", reason = "accounts is loaded by this release's import job only")
    public static class Allowed implements Migration {
        public void upgrade(Operations op) { op.createIndex("accounts_score_idx", "accounts", "score"); }
        public void downgrade(Operations op) { op.dropIndex("accounts_score_idx"); }
    }

    @Revision(id = "j_allowed_badly", revises = "j0")
    @AllowUnsafe(rule = "create-index", reason = "")
    public static class AllowedBadly implements Migration {
        public void upgrade(Operations op) { op.createIndex("accounts_score_idx2", "accounts", "score"); }
        public void downgrade(Operations op) { op.dropIndex("accounts_score_idx2"); }
    }

    @Revision(id = "j_style", revises = "j0")
    public static class Style implements Migration {
        public void upgrade(Operations op) {
            op.createTable("events", column("id", Type.SERIAL).primaryKey(), column("payload", Type.of("json")),
                    column("at", Type.TIMESTAMP), column("code", Type.of("char(3)")));
        }
        public void downgrade(Operations op) { op.dropTable("events"); }
    }

    @Revision(id = "j_no_downgrade", revises = "j0")
    public static class NoDowngrade implements Migration {
        public void upgrade(Operations op) { op.addColumn("accounts", column("nickname", Type.TEXT)); }
        public void downgrade(Operations op) { }
    }

    @Revision(id = "j_cascade", revises = "j0", phase = Phase.CONTRACT, irreversible = "drops orders")
    public static class Cascade implements Migration {
        public void upgrade(Operations op) { op.dropTable("orders").cascade(); }
    }

    private static SafetyReport report;

    @BeforeAll
    static void analyse() {
        Migrator migrator = Migrator.configure().url("jdbc:postgresql://localhost:1/not_used", null, null)
                .locations(List.of()).migrations(new Tables(), new PlainIndex(), new ConcurrentIndex(),
                        new ConcurrentIndexInTransaction(), new ForeignKey(), new ForeignKeyNotValid(), new ValidateForeignKey(),
                        new NotNullSafely(), new NotNullColumn(), new TypeRewrite(), new TypeWiden(), new UnboundedUpdate(),
                        new BatchedUpdate(), new Rename(), new ExpandRename(), new ContractRename(), new Allowed(),
                        new AllowedBadly(), new Style(), new NoDowngrade(), new Cascade())
                .load();
        report = migrator.analyze("heads", SafetyOptions.offline());
    }

    private static List<Rule> rules(String revision) {
        return report.findingsOf(revision).stream().filter(f -> !f.suppressed()).map(Finding::rule).toList();
    }

    @Test
    void safePatternsAreCleanByConstruction() {
        for (String clean : List.of("j0", "j_index_concurrently", "j_fk_not_valid", "j_fk_validate", "j_not_null_safely",
                "j_type_widen", "j_batch", "j_expand", "j_contract")) {
            assertThat(report.findingsOf(clean)).as(clean).isEmpty();
        }
    }

    @Test
    void unsafeOperationsAreFlaggedWithTheirRule() {
        assertThat(rules("j_index")).containsExactly(Rule.CREATE_INDEX_NON_CONCURRENTLY);
        assertThat(rules("j_index_concurrently_in_tx")).contains(Rule.CONCURRENTLY_IN_TRANSACTION);
        assertThat(rules("j_fk")).containsExactly(Rule.CONSTRAINT_WITHOUT_NOT_VALID);
        assertThat(rules("j_not_null")).containsExactly(Rule.ADDING_NOT_NULL_COLUMN);
        assertThat(rules("j_type_rewrite")).containsExactly(Rule.COLUMN_TYPE_CHANGE);
        assertThat(rules("j_update")).containsExactly(Rule.UNBOUNDED_DATA_CHANGE);
        assertThat(rules("j_rename")).containsExactly(Rule.BREAKING_CHANGE_IN_EXPAND);
        assertThat(rules("j_style")).containsExactlyInAnyOrder(Rule.INT_PRIMARY_KEY, Rule.PREFER_JSONB,
                Rule.TIMESTAMP_WITHOUT_TIME_ZONE, Rule.CHAR_TYPE);
        assertThat(rules("j_no_downgrade")).containsExactly(Rule.MISSING_DOWNGRADE);
        assertThat(rules("j_cascade")).containsExactly(Rule.DROP_CASCADE);
    }

    @Test
    void aFindingOfAJavaRevisionNamesItsClassAndOperation() {
        Finding finding = report.findingsOf("j_update").get(0);
        assertThat(finding.line()).isZero();
        assertThat(finding.statement()).isEqualTo(2);
        assertThat(finding.where()).isEqualTo("java:" + UnboundedUpdate.class.getName() + " operation 2");
        assertThat(finding.sql()).isEqualTo("UPDATE orders SET state = 'new' WHERE state IS NULL");
    }

    @Test
    void anAnnotationSuppressesWithItsReason() {
        assertThat(report.findingsOf("j_allowed")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.CREATE_INDEX_NON_CONCURRENTLY);
            assertThat(f.suppressedBecause()).isEqualTo("accounts is loaded by this release's import job only");
        });
        assertThat(rules("j_allowed_badly")).containsExactlyInAnyOrder(Rule.INVALID_SUPPRESSION,
                Rule.CREATE_INDEX_NON_CONCURRENTLY);
        assertThat(report.findingsOf("j_allowed_badly")).filteredOn(f -> f.rule() == Rule.INVALID_SUPPRESSION)
                .singleElement().satisfies(f -> assertThat(f.message()).contains("@AllowUnsafe").contains("\"create-index\""));
    }
}
