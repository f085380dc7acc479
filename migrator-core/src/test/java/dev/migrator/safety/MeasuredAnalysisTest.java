package dev.migrator.safety;

import dev.migrator.safety.SafetyReport.Finding;

import dev.migrator.safety.SafetyReport.StatementMeasurement;

import static dev.migrator.operation.Column.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ContractPolicy;
import dev.migrator.ErrorCode;
import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;
import dev.migrator.operation.Type;
import dev.migrator.safety.SafetyReport.StatementMeasurement.RelationLock;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import dev.migrator.testsupport.FreshDatabase;

/**
 * The measured mode on statements whose locks PostgreSQL documents: m1 (1000 analysed rows) is applied, m2..m8
 * are pending and measured on a scratch database; the real database is only read.
 */
class MeasuredAnalysisTest {

    private static final String LOCATION = "filesystem:" + Path.of("src/test/resources/safety/measured").toAbsolutePath();

    /** A Java revision: each operation is measured on its own. */
    @Revision(id = "m8", revises = "m7", message = "Java operations", transactional = false)
    public static class JavaOperations implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndex("m_orders_qty_idx", "m_orders", "qty").concurrently();
            op.addColumn("m_orders", column("extra", Type.TEXT));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("m_orders", "extra");
            op.dropIndex("m_orders_qty_idx").concurrently();
        }
    }

    private static TestDatabase db;
    private static Migrator migrator;
    private static SafetyReport report;

    @BeforeAll
    static void measure() {
        db = TestDatabase.create();
        migrator = Migrator.configure().dataSource(db.dataSource()).locations(LOCATION)
                .migrations(new JavaOperations()).contract(ContractPolicy.APPLY).load();
        migrator.upgrade("m1");
        report = migrator.analyze("heads", SafetyOptions.defaults().measured().smallTableRows(100));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static StatementMeasurement of(String revision, int statement) {
        return report.measurements().stream().filter(m -> m.revision().equals(revision) && m.statement() == statement)
                .findFirst().orElseThrow(() -> new AssertionError("no measurement of " + revision + " #" + statement
                        + " in " + report.measurements()));
    }

    private static RelationLock lock(StatementMeasurement m, String relation) {
        return m.locks().stream().filter(l -> l.relation().equals(relation)).findFirst()
                .orElseThrow(() -> new AssertionError("no lock on " + relation + " in " + m.describe()));
    }

    @Test
    void addColumnWithAConstantDefaultTakesAccessExclusiveWithoutARewrite() {
        StatementMeasurement m = of("m2", 1);
        assertThat(m.lockOn("m_orders")).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(m.rewritten()).isEmpty();
        assertThat(m.duration()).isNotNull();
        assertThat(m.where()).endsWith("m2_add_column.sql:6");
    }

    @Test
    void intToBigintRewritesTheTable() {
        StatementMeasurement m = of("m3", 1);
        assertThat(m.lockOn("m_orders")).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(m.rewrote("m_orders")).isTrue();
        assertThat(m.rewrote("m_orders_pkey")).as("its indexes are rebuilt too").isTrue();
    }

    @Test
    void createIndexTakesShare() {
        StatementMeasurement m = of("m4", 1);
        assertThat(m.lockOn("m_orders")).isEqualTo("SHARE");
        assertThat(lock(m, "m_orders_note_idx").created()).isTrue();
        assertThat(m.rewritten()).isEmpty();
    }

    @Test
    void createIndexConcurrentlyTakesShareUpdateExclusive() {
        StatementMeasurement m = of("m5", 1);
        assertThat(m.locksObserved()).isTrue();
        assertThat(m.lockOn("m_orders")).isEqualTo("SHARE UPDATE EXCLUSIVE");
    }

    @Test
    void dropIndexConcurrentlyTakesShareUpdateExclusiveOnTableAndIndex() {
        StatementMeasurement m = of("m7", 1);
        assertThat(m.lockOn("m_orders")).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(m.lockOn("m_orders_note_idx")).isEqualTo("SHARE UPDATE EXCLUSIVE");
    }

    @Test
    void aRewriteUnderALockTheTransactionAlreadyHoldsIsStillReported() {
        StatementMeasurement first = of("m6", 1);
        assertThat(first.rewrote("m_orders")).as("a volatile default fills every row").isTrue();
        StatementMeasurement second = of("m6", 2);
        assertThat(second.rewrote("m_orders")).isTrue();
        RelationLock held = lock(second, "m_orders");
        assertThat(held.mode()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(held.alreadyHeld()).isTrue();
        assertThat(second.describe()).contains("held since an earlier statement of the transaction");
    }

    @Test
    void javaOperationsAreMeasuredOneByOne() {
        assertThat(of("m8", 1).lockOn("m_orders")).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(of("m8", 2).lockOn("m_orders")).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(of("m8", 2).where()).isEqualTo("java:" + JavaOperations.class.getName() + " operation 2");
    }

    @Test
    void theImpactComesFromTheRealDatabasesStatistics() {
        RelationLock orders = lock(of("m3", 1), "m_orders");
        assertThat(orders.rows()).isEqualTo(1000L);
        assertThat(orders.bytes()).isPositive();
        assertThat(of("m3", 1).describe()).startsWith("m3 statement 1 (")
                .contains("m3_type.sql:6): ACCESS EXCLUSIVE on m_orders — 1000 rows, ")
                .contains("— table rewritten");
    }

    @Test
    void measuredFactsDecideTheVerdicts() {
        // m_score() is unknown to the built-in lists; the scratch database showed the rewrite
        assertThat(report.findingsOf("m6")).filteredOn(f -> f.rule() == Rule.VOLATILE_DEFAULT).singleElement()
                .satisfies(f -> {
                    assertThat(f.measured()).isTrue();
                    assertThat(f.message()).contains("measured: the table was rewritten").contains("m_orders: 1000 rows");
                });
        assertThat(report.findingsOf("m3")).filteredOn(f -> f.rule() == Rule.COLUMN_TYPE_CHANGE).singleElement()
                .satisfies(f -> assertThat(f.measured()).isTrue());
        assertThat(report.findingsOf("m2")).isEmpty();
        // offline nothing is known about m_score(): the linter does not guess
        assertThat(migrator.analyze("heads", SafetyOptions.offline()).findingsOf("m6"))
                .noneMatch(f -> f.rule() == Rule.VOLATILE_DEFAULT);
        // connected without measuring, the real catalog says both functions are volatile
        assertThat(migrator.analyze("heads", SafetyOptions.defaults().smallTableRows(100)).findingsOf("m6"))
                .filteredOn(f -> f.rule() == Rule.VOLATILE_DEFAULT).extracting(Finding::statement).containsExactly(1, 3);
        // measured, the SQL function was inlined into a constant: no rewrite, so statement 3 is not flagged
        assertThat(of("m6", 3).rewritten()).isEmpty();
    }

    @Test
    void theRealDatabaseIsUntouchedAndTheScratchDatabaseGone() {
        assertThat(migrator.current()).containsExactly("m1");
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'm_orders'")).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrator_scratch_%'")).isZero();
    }

    @Test
    void aUserWhoMayNotCreateDatabasesIsToldSo() {
        String role = "m_reader_" + db.name();
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret-pw'");
        try {
            db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
            Migrator restricted = Migrator.configure().url(db.url().replaceAll("[?&]user=[^&]*", ""), role, "secret-pw")
                    .locations(LOCATION).migrations(new JavaOperations()).contract(ContractPolicy.APPLY).load();
            assertThat(restricted.analyze("heads").revisions()).as("the user reads the state").hasSize(7);
            assertThatThrownBy(() -> restricted.analyze("heads", SafetyOptions.defaults().measured()))
                    .isInstanceOf(MigratorException.class)
                    .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                    .hasMessageContaining("user \"" + role + "\" may not create databases")
                    .hasMessageContaining("ALTER ROLE \"" + role + "\" CREATEDB")
                    .hasMessageNotContaining("secret-pw");
            assertThat(db.count("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrator_scratch_%'")).isZero();
        } finally {
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    @ExtendWith(FreshDatabase.class)
    void aStatementThatFailsOnTheScratchDatabaseNamesItsRevisionAndLine(@TempDir Path dir, TestDatabase fresh)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("f1.sql"), """
                -- Revision: f1
                -- Message: fails

                -- migrate:upgrade
                CREATE TABLE f_items (id bigint PRIMARY KEY);
                ALTER TABLE f_missing ADD COLUMN x int;

                -- migrate:downgrade
                DROP TABLE f_items;
                """);
        Migrator failing = Migrator.configure().dataSource(fresh.dataSource()).locations("filesystem:" + dir).load();
        assertThatThrownBy(() -> failing.analyze("heads", SafetyOptions.defaults().measured()))
                .isInstanceOf(MigratorException.class)
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.STATEMENT_FAILED))
                .hasMessageContaining("revision f1").hasMessageContaining("f1.sql:6")
                .hasMessageContaining("relation \"f_missing\" does not exist");
        assertThat(fresh.tableExists("f_items")).isFalse();
        assertThat(db.count("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrator_scratch_%'")).isZero();
    }

    @Test
    void theReportListsEveryMeasuredStatement() {
        List<String> measured = report.measurements().stream().map(m -> m.revision() + "#" + m.statement()).toList();
        assertThat(measured).containsExactly("m2#1", "m3#1", "m4#1", "m5#1", "m6#1", "m6#2", "m6#3", "m7#1", "m8#1", "m8#2");
        assertThat(report.format()).contains("\n  m3 statement 1 (");
        assertThat(report.measurements()).flatExtracting(StatementMeasurement::locks).extracting(RelationLock::relation)
                .allMatch(relation -> relation.startsWith("m_orders"));
    }
}
