package dev.migrator.internal.execute;

import dev.migrator.ContractPolicy;
import dev.migrator.Direction;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import dev.migrator.result.RevisionInfo;
import dev.migrator.internal.revision.Plan;
import dev.migrator.internal.revision.RevisionGraph;
import dev.migrator.internal.revision.RevisionNode;
import dev.migrator.internal.revision.Step;
import dev.migrator.internal.source.LoadedRevision;
import dev.migrator.internal.state.HistoryRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The code's revisions: the graph and, per id, what was loaded. */
public final class Catalog {

    private final RevisionGraph graph;
    private final Map<String, LoadedRevision> revisions = new LinkedHashMap<>();
    private final List<String> contractRevisions = new ArrayList<>();

    /** The graph of {@code loaded} (validated: unknown parents, cycles, duplicate ids) and the revisions by id. */
    public static Catalog of(List<LoadedRevision> loaded) {
        List<RevisionNode> nodes = new ArrayList<>(loaded.size());
        for (LoadedRevision revision : loaded) {
            nodes.add(revision.node());
        }
        return new Catalog(RevisionGraph.of(nodes), loaded);
    }

    public Catalog(RevisionGraph graph, List<LoadedRevision> loaded) {
        this.graph = graph;
        for (LoadedRevision revision : loaded) {
            revisions.put(revision.id(), revision);
            if (revision.phase() == Phase.CONTRACT) {
                contractRevisions.add(revision.id());
            }
        }
    }

    /**
     * The upgrade to {@code target} under a contract policy: the one place that decides what
     * {@link ContractPolicy#DEFER} holds back. Every contract-phase revision, and everything that
     * needs one (its children and dependents, recursively), stays pending in
     * {@link Plan#heldBack()}; every other revision the target needs runs, whatever its id and
     * wherever it sits in the graph. The engine runs this plan; status, validate, the checks, the
     * endpoint and the metrics read their pending and deferred revisions from it.
     */
    public Plan upgrade(Set<String> rows, String target, ContractPolicy policy) {
        return graph.upgrade(rows, target, policy == ContractPolicy.DEFER ? contractRevisions : List.of());
    }

    public RevisionGraph graph() {
        return graph;
    }

    public LoadedRevision get(String id) {
        LoadedRevision revision = revisions.get(id);
        if (revision == null) {
            throw new MigratorException(ErrorCode.TARGET_INVALID, "Revision " + id + " is not defined by the code");
        }
        return revision;
    }

    public boolean contains(String id) {
        return revisions.containsKey(id);
    }

    public RevisionInfo info(String id) {
        return get(id).info();
    }

    /** The revisions of {@code ids}, in that order. */
    public List<RevisionInfo> infos(Collection<String> ids) {
        List<RevisionInfo> infos = new ArrayList<>(ids.size());
        for (String id : ids) {
            infos.add(info(id));
        }
        return infos;
    }

    /** The code's revisions in a range {@code [from]:[to]} ({@code ""} for all), newest first. */
    public List<RevisionInfo> range(String range) {
        List<RevisionInfo> infos = new ArrayList<>();
        graph.range(range).forEach(node -> infos.add(info(node.id())));
        return infos;
    }

    /** Every revision of the code, parents first. */
    public List<RevisionInfo> all() {
        List<RevisionInfo> infos = new ArrayList<>(revisions.size());
        graph.nodes().forEach(node -> infos.add(info(node.id())));
        return infos;
    }

    /**
     * The history row of a stamp step (online and in an offline script). It carries the revision's checksum
     * only when the step adds that revision's row: from then on the file counts as applied and an edit is
     * caught like one of an upgraded revision. A step that only removes rows names a remaining revision,
     * whose file it does not vouch for, so it records none (recording the current one would hide an earlier
     * edit).
     */
    public HistoryRow stampRow(Step step, String appliedBy) {
        String id = step.revision();
        boolean known = id != null && contains(id);
        LoadedRevision revision = known ? get(id) : null;
        String checksum = known && step.addedRows().contains(id) ? revision.checksum() : null;
        return new HistoryRow(id == null ? "base" : id, known ? revision.node().revises() : List.of(), Direction.STAMP,
                known ? revision.message() : null, known ? revision.phase() : null, checksum,
                "now()", true, null, appliedBy);
    }
}
