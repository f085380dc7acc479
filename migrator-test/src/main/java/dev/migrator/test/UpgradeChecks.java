package dev.migrator.test;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.VerifyResult;
import dev.migrator.schema.SchemaDiff;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.test.database.ScratchDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/** The checks on one database upgraded from base to heads: the upgrade itself, verify queries, offline script, model. */
final class UpgradeChecks {

    private final SuiteRun run;

    UpgradeChecks(SuiteRun run) {
        this.run = run;
    }

    void upgrade() {
        MigrationRunner runner = run.newRunner();
        Set<String> all = new HashSet<>();
        for (RevisionInfo info : run.harness.order().all()) {
            all.add(info.revision());
        }
        try {
            runner.moves().upgradeTo(all, false);
        } catch (AssertionFailedError e) {
            run.upgradeFailed("a data hook failed during it");
            throw e;
        } catch (RuntimeException e) {
            run.upgradeFailed("the upgrade failed");
            throw SuiteRun.failure("Upgrade base → heads failed: " + e.getMessage(), e);
        }
        run.upgraded(runner, runner.schema());
    }

    void verify() {
        MigrationRunner upgraded = run.requireUpgraded("verify");
        VerifyResult result = upgraded.migrator().verify();
        List<String> failed = new ArrayList<>();
        for (CheckResult check : result.results()) {
            if (!check.passed()) {
                failed.add(check.detail()); // names the revision, its file and line, and the query
            }
        }
        if (!failed.isEmpty()) {
            throw SuiteRun.failure(failed.size() + " of " + result.results().size() + " verify queries are not true"
                    + " after upgrade base → heads:\n  " + String.join("\n  ", failed));
        }
    }

    /** The offline script run on an empty database must leave the schema and the version rows the online upgrade left. */
    void offlineEqualsOnline() {
        MigrationRunner upgraded = run.requireUpgraded("offline equals online");
        String script = run.harness.graph().upgradeSql("base", "heads");
        ScratchDatabase empty = run.harness.createDatabase();
        run.own(empty);
        try {
            OfflineScripts.run(empty.dataSource(), script, OfflineScripts.split("upgradeSql(base, heads)", script));
        } catch (OfflineScripts.ScriptFailure e) {
            throw SuiteRun.failure("The offline script upgradeSql(\"base\", \"heads\") fails on an empty database where"
                    + " upgrade(\"heads\") succeeded: " + e.getMessage(), e);
        }
        SchemaSnapshot offline = run.harness.snapshot(empty.dataSource());
        SchemaDiff diff = run.headsSchema().diff(offline);
        if (!diff.isEmpty()) {
            throw SuiteRun.failure("The offline script upgradeSql(\"base\", \"heads\") run on an empty database gives"
                    + " another schema than upgrade(\"heads\"); from the online schema to the offline one: "
                    + diff.describe());
        }
        Set<String> offlineRows = run.harness.load(empty.dataSource()).current();
        Set<String> onlineRows = upgraded.current();
        if (!offlineRows.equals(onlineRows)) {
            throw SuiteRun.failure("The offline script upgradeSql(\"base\", \"heads\") leaves the version rows "
                    + offlineRows + ", upgrade(\"heads\") leaves " + onlineRows);
        }
    }

    void modelMatches() {
        MigrationRunner upgraded = run.requireUpgraded("model matches migrations");
        List<String> differences = run.harness.setup().model().differences(upgraded.dataSource());
        if (!differences.isEmpty()) {
            throw SuiteRun.failure("The JPA model does not match the schema the migrations build (" + differences.size()
                    + " difference" + (differences.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", differences));
        }
    }
}
