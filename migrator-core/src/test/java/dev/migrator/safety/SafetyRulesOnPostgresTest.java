package dev.migrator.safety;

import dev.migrator.safety.SafetyReport.Finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ContractPolicy;
import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rule cases on a real PostgreSQL: with every setup applied (tables of 200 analysed rows), the connected
 * analysis flags the unsafe revisions when tables count as large, leaves the size-dependent rules alone when
 * they count as small, and the safe rewrites actually run.
 */
@ExtendWith(FreshDatabase.class)
class SafetyRulesOnPostgresTest {

    /** Rules whose verdict depends on the table's size (the others hold on any table). */
    private static final Set<Rule> SIZE_DEPENDENT = EnumSet.of(Rule.VOLATILE_DEFAULT, Rule.CREATE_INDEX_NON_CONCURRENTLY,
            Rule.DROP_INDEX_NON_CONCURRENTLY, Rule.CONSTRAINT_WITHOUT_NOT_VALID, Rule.SET_NOT_NULL, Rule.COLUMN_TYPE_CHANGE,
            Rule.UNIQUE_CONSTRAINT_BUILDS_INDEX, Rule.UNBOUNDED_DATA_CHANGE);

    private static TestDatabase db;
    private static Migrator migrator;

    @BeforeAll
    static void applySetups() {
        db = TestDatabase.create();
        migrator = withSetups(db);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static Migrator withSetups(TestDatabase database) {
        Migrator loaded = Migrator.configure().dataSource(database.dataSource()).locations(RuleCases.LOCATION)
                .contract(ContractPolicy.APPLY).load();
        loaded.revisions().stream().map(r -> r.revision()).filter(id -> id.endsWith("_setup") || !id.contains("_"))
                .forEach(loaded::upgrade);
        return loaded;
    }

    @Test
    void largeTablesByRealStatisticsAreFlaggedLikeOffline() {
        SafetyReport report = migrator.analyze("heads", SafetyOptions.defaults().smallTableRows(100));
        assertThat(report.connected()).isTrue();
        assertThat(report.serverVersion()).isGreaterThanOrEqualTo(140000);
        assertThat(report.revisions()).noneMatch(id -> id.endsWith("_setup")).contains("ci_unsafe", "ci_safe");
        for (String revision : report.revisions()) {
            Rule rule = RuleCases.ruleOf(revision);
            List<Finding> findings = report.findingsOf(revision).stream().filter(f -> !f.suppressed()).toList();
            if (RuleCases.isUnsafe(revision)) {
                assertThat(findings).as(revision).extracting(Finding::rule).contains(rule);
            } else {
                assertThat(findings).as(revision).isEmpty();
            }
        }
        Finding index = report.findingsOf("ci_unsafe").get(0);
        assertThat(index.message()).contains("ci_events: 200 rows, ");
    }

    @Test
    void connectedItAnalysesWhatTheUpgradeRunsSoDeferredContractRevisionsAreLeftOut() {
        Migrator deferring = Migrator.configure().dataSource(db.dataSource()).locations(RuleCases.LOCATION).load();
        assertThat(deferring.analyze("heads").revisions()).contains("ci_unsafe")
                .doesNotContain("di_unsafe", "di_safe", "bc_safe", "dc_unsafe", "dc_safe");
        assertThat(migrator.analyze("heads").revisions()).contains("di_unsafe", "bc_safe");
        assertThat(deferring.analyze("heads", SafetyOptions.offline()).revisions()).as("offline: every revision")
                .contains("di_unsafe", "bc_safe");
    }

    @Test
    void smallTablesByRealStatisticsAreNotFlaggedBySizeDependentRules() {
        SafetyReport report = migrator.analyze("heads", SafetyOptions.defaults()); // 10,000 rows: the tables are small
        for (String revision : report.revisions()) {
            Rule rule = RuleCases.ruleOf(revision);
            List<Rule> rules = report.findingsOf(revision).stream().filter(f -> !f.suppressed()).map(Finding::rule).toList();
            if (SIZE_DEPENDENT.contains(rule)) {
                assertThat(rules).as(revision).doesNotContain(rule);
            } else if (RuleCases.isUnsafe(revision)) {
                assertThat(rules).as(revision).contains(rule);
            }
        }
    }

    @Test
    void aTableCreatedByAnEarlierPendingRevisionIsNewAndEmptyWhenConnected(TestDatabase fresh) {
        // nothing applied: ci_events does not exist yet, ci_setup (pending) creates it before ci_unsafe runs
        Migrator empty = Migrator.configure().dataSource(fresh.dataSource()).locations(RuleCases.LOCATION).load();
        SafetyReport connected = empty.analyze("ci_unsafe");
        assertThat(connected.revisions()).containsExactly("ci_setup", "ci_unsafe");
        assertThat(connected.findings()).isEmpty();
        // offline the same table is taken to be large: it is in production
        assertThat(empty.analyze("ci_unsafe", SafetyOptions.offline()).findingsOf("ci_unsafe"))
                .extracting(Finding::rule).containsExactly(Rule.CREATE_INDEX_NON_CONCURRENTLY);
    }

    @Test
    void nothingPendingIsAnEmptyReport(TestDatabase fresh) {
        Migrator applied = Migrator.configure().dataSource(fresh.dataSource()).locations(RuleCases.LOCATION).load();
        applied.upgrade("js_safe");
        SafetyReport report = applied.analyze("js_safe");
        assertThat(report.revisions()).isEmpty();
        assertThat(report.isClean()).isTrue();
    }

    @Test
    void theSafeRewritesRunAndTheUnsafeOnesFailWhereTheRulesSayTheyWould(TestDatabase fresh) {
        Migrator all = withSetups(fresh);
        List<String> pending = all.analyze("heads").revisions();
        for (String safe : pending.stream().filter(RuleCases::isSafe).toList()) {
            all.upgrade(safe);
        }
        for (String unsafe : pending.stream().filter(RuleCases::isUnsafe).toList()) {
            // NOT NULL without default on rows, CONCURRENTLY in a transaction, a new enum value used in its transaction
            if (Set.of("nn_unsafe", "cc_unsafe", "ev_unsafe").contains(unsafe)) {
                assertThatThrownBy(() -> all.upgrade(unsafe)).as(unsafe).isInstanceOf(MigratorException.class)
                        .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.STATEMENT_FAILED));
            } else {
                all.upgrade(unsafe);
            }
        }
        assertThat(all.pending()).extracting(r -> r.revision()).containsExactlyInAnyOrder("nn_unsafe", "cc_unsafe", "ev_unsafe");
    }
}
