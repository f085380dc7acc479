package dev.migrator.internal.safety;

import dev.migrator.safety.SafetyReport.Finding;
import dev.migrator.safety.SafetyReport.StatementMeasurement;

import dev.migrator.safety.ScratchConnector;

import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport;

import dev.migrator.internal.command.CommandContext;
import dev.migrator.internal.command.StateRead;
import dev.migrator.internal.revision.Plan;
import dev.migrator.internal.revision.RevisionGraph;
import dev.migrator.internal.revision.Step;
import dev.migrator.internal.safety.StatementShape.AlterAction;
import dev.migrator.internal.safety.StatementShape.AlterTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the safety analysis for {@code Migrator.analyze}: finds the revisions an upgrade to the target would
 * apply (connected: from the database's current state, under the configured contract policy, so what
 * {@code ContractPolicy.DEFER} holds back is not analysed; offline: every revision from base to the target,
 * contract ones included), reads the real database's facts, measures on a scratch database when asked, and
 * applies the rules. Use it through {@code Migrator.analyze}.
 */
public final class SafetyAnalyzer {

    private final CommandContext context;
    private final ScratchConnector scratch;

    /** @param scratch connects to another database of the same server (the measured mode's scratch database) */
    public SafetyAnalyzer(CommandContext context, ScratchConnector scratch) {
        this.context = context;
        this.scratch = scratch;
    }

    public SafetyReport analyze(String target, SafetyOptions options) {
        RevisionGraph graph = context.catalog().graph();
        if (!options.isConnected()) {
            List<AnalysedRevision> pending = analysed(graph.upgrade(Set.of(), target));
            int version = options.serverVersion() != null ? options.serverVersion() : SafetyOptions.DEFAULT_OFFLINE_SERVER_VERSION;
            return report(target, options, pending, DatabaseFacts.none(version), Map.of());
        }
        // One connection reads the state, plans, and (when something is pending) the catalog facts.
        StateRead reads = new StateRead(context);
        Read read = reads.read((connection, store) -> {
            // an existing schema about to be adopted is analysed from its baseline, as the upgrade runs it
            Set<String> current = reads.plannedFrom(connection, store);
            if (!graph.unknown(current).isEmpty()) {
                return new Read(current, List.of(), null); // AHEAD: this code applies nothing
            }
            // exactly what upgrade(target) runs: under ContractPolicy.DEFER the held-back revisions do not run now
            List<AnalysedRevision> pending = analysed(context.catalog().upgrade(current, target, context.settings().contract()));
            DatabaseFacts facts = pending.isEmpty() ? null
                    : DatabaseFacts.read(connection, options.serverVersion(), functionsToLookUp(pending));
            return new Read(current, pending, facts);
        });
        if (read.pending().isEmpty()) {
            return new SafetyReport(target, List.of(), List.of(), List.of(), true, 0);
        }
        Map<String, StatementMeasurement> measured = options.isMeasured()
                ? new Measurer(context, options.scratchConnector() != null ? options.scratchConnector() : scratch)
                        .measure(read.current(), read.pending(), read.facts())
                : Map.of();
        return report(target, options, read.pending(), read.facts(), measured);
    }

    private record Read(Set<String> current, List<AnalysedRevision> pending, DatabaseFacts facts) {}

    private List<AnalysedRevision> analysed(Plan plan) {
        List<AnalysedRevision> revisions = new ArrayList<>();
        for (Step step : plan.steps()) {
            revisions.add(AnalysedRevision.of(context.catalog().get(step.revision())));
        }
        return revisions;
    }

    private SafetyReport report(String target, SafetyOptions options, List<AnalysedRevision> pending,
            DatabaseFacts facts, Map<String, StatementMeasurement> measured) {
        RevisionGraph graph = context.catalog().graph();
        SchemaState state = new SchemaState(facts, options.smallTableRows(), id -> graph.appliedClosure(Set.of(id)));
        List<Finding> findings = new Linter(options, state, measured).lint(pending);
        return new SafetyReport(target, pending.stream().map(AnalysedRevision::id).toList(), findings,
                List.copyOf(measured.values()), facts.connected(), facts.serverVersion());
    }

    /** Functions called by added columns' defaults that the built-in lists do not know: the catalog tells their volatility. */
    private static Set<String> functionsToLookUp(List<AnalysedRevision> pending) {
        Set<String> functions = new LinkedHashSet<>();
        for (AnalysedRevision revision : pending) {
            for (Unit unit : revision.units()) {
                for (StatementShape shape : unit.shapes()) {
                    if (shape instanceof AlterTable alter) {
                        for (AlterAction action : alter.actions()) {
                            if (action instanceof AlterAction.AddColumn add && add.column().hasDefault()) {
                                ColumnChanges.functions(add.column().defaultExpression()).stream()
                                        .filter(f -> !ColumnChanges.isKnownFunction(f)).forEach(functions::add);
                            }
                        }
                    }
                }
            }
        }
        return functions;
    }
}
