package dev.migrator.safety;

import dev.migrator.safety.SafetyReport.Finding;

import dev.migrator.safety.Rule.Level;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule, offline: its unsafe revisions are flagged with it, its safe rewrites are not flagged at all. */
class SafetyRulesTest {

    private static SafetyReport report;

    @BeforeAll
    static void analyse() {
        report = RuleCases.offline().analyze("heads", SafetyOptions.offline());
    }

    @Test
    void everyRuleHasACase() {
        assertThat(RuleCases.CODES.keySet()).containsExactlyInAnyOrder(Rule.values());
        for (Rule rule : Rule.values()) {
            String code = RuleCases.CODES.get(rule);
            assertThat(report.revisions()).as(rule.id()).anyMatch(r -> r.startsWith(code + "_unsafe"))
                    .anyMatch(r -> r.startsWith(code + "_safe"));
        }
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void unsafeRevisionsAreFlaggedAndSafeRewritesAreNot(Rule rule) {
        String code = RuleCases.CODES.get(rule);
        for (String revision : report.revisions()) {
            if (!revision.startsWith(code + "_")) {
                continue;
            }
            List<Finding> findings = report.findingsOf(revision);
            if (RuleCases.isUnsafe(revision)) {
                assertThat(findings).as(revision).anySatisfy(f -> {
                    assertThat(f.rule()).isEqualTo(rule);
                    assertThat(f.suppressed()).isFalse();
                    assertThat(f.level()).isEqualTo(rule.defaultLevel());
                });
            } else {
                assertThat(findings.stream().filter(f -> !f.suppressed())).as(revision + ": " + findings).isEmpty();
            }
        }
    }

    @Test
    void aFindingNamesRevisionFileLineRuleAndStatement() {
        Finding finding = report.findingsOf("ci_unsafe").get(0);
        assertThat(finding.revision()).isEqualTo("ci_unsafe");
        assertThat(finding.where()).endsWith("ci_unsafe.sql:6");
        assertThat(finding.statement()).isEqualTo(1);
        assertThat(finding.sql()).isEqualTo("CREATE INDEX ci_events_kind_idx ON ci_events (kind)");
        assertThat(finding.toString()).startsWith("ERROR create-index-non-concurrently ci_unsafe (")
                .contains("ci_unsafe.sql:6): CREATE INDEX ci_events_kind_idx ON ci_events (kind) - ")
                .contains("CONCURRENTLY");
        assertThat(finding.message()).contains("offline");
    }

    @Test
    void styleRulesAreWarningsEverythingElseErrors() {
        assertThat(report.warnings()).extracting(Finding::rule).containsOnly(Rule.INT_PRIMARY_KEY, Rule.CHAR_TYPE,
                Rule.TIMESTAMP_WITHOUT_TIME_ZONE);
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void aSuppressionIsReportedWithItsReasonNeverDropped() {
        assertThat(report.findingsOf("is_safe")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.CREATE_INDEX_NON_CONCURRENTLY);
            assertThat(f.suppressedBecause()).isEqualTo("is_lookup is written only by this deploy job");
        });
        assertThat(report.suppressed()).extracting(Finding::revision).containsExactly("is_safe");
    }

    @Test
    void aMisspelledSuppressionSaysSoAndSuppressesNothing() {
        assertThat(report.findingsOf("is_unsafe")).extracting(Finding::rule)
                .containsExactlyInAnyOrder(Rule.INVALID_SUPPRESSION, Rule.CREATE_INDEX_NON_CONCURRENTLY);
        Finding invalid = report.findingsOf("is_unsafe").stream().filter(f -> f.rule() == Rule.INVALID_SUPPRESSION)
                .findFirst().orElseThrow();
        assertThat(invalid.message()).contains("create-index-concurently").contains("did you mean \"create-index-non-concurrently\"");
        assertThat(invalid.where()).endsWith("is_unsafe.sql:6");
    }

    @Test
    void theSameTransactionValidationIsFlaggedOnTheValidateStatement() {
        assertThat(report.findingsOf("nv_unsafe_same_tx")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.CONSTRAINT_WITHOUT_NOT_VALID);
            assertThat(f.statement()).isEqualTo(2);
            assertThat(f.message()).contains("same transaction");
        });
    }

    @Test
    void serverVersionDecidesVersionDependentRules() {
        Migrator migrator = RuleCases.offline();
        SafetyReport pg11 = migrator.analyze("heads", SafetyOptions.offline().serverVersion(110000));
        assertThat(pg11.findingsOf("ev_safe")).extracting(Finding::rule).containsExactly(Rule.ENUM_VALUE_IN_TRANSACTION);
        assertThat(pg11.findingsOf("sn_safe_validate")).extracting(Finding::rule).containsExactly(Rule.SET_NOT_NULL);
        SafetyReport pg10 = migrator.analyze("heads", SafetyOptions.offline().serverVersion(100000));
        assertThat(pg10.findingsOf("nn_safe")).extracting(Finding::rule).containsExactly(Rule.VOLATILE_DEFAULT);
    }

    @Test
    void levelsAndRulesAreConfigurable() {
        SafetyReport report = RuleCases.offline().analyze("heads", SafetyOptions.offline()
                .level(Rule.PREFER_JSONB, Level.WARNING).disable(Rule.CREATE_INDEX_NON_CONCURRENTLY));
        assertThat(report.findingsOf("js_unsafe")).extracting(Finding::level).containsExactly(Level.WARNING);
        assertThat(report.findings()).noneMatch(f -> f.rule() == Rule.CREATE_INDEX_NON_CONCURRENTLY);
    }

    @Test
    void theReportFormatsOneLinePerFinding() {
        assertThat(report.format()).startsWith("Safety analysis of " + report.revisions().size() + " revision(s) up to heads (offline")
                .contains("\n  ERROR drop-cascade dc_unsafe (");
        assertThat(report.format().lines()).hasSize(1 + report.findings().size());
    }
}
