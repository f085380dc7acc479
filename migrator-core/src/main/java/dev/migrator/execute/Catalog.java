package dev.migrator.execute;

import dev.migrator.ContractPolicy;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import dev.migrator.RevisionInfo;
import dev.migrator.revision.Plan;
import dev.migrator.revision.RevisionGraph;
import dev.migrator.source.LoadedRevision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The code's revisions: the graph and, per id, what was loaded. */
public final class Catalog {

    private final RevisionGraph graph;
    private final Map<String, LoadedRevision> revisions = new LinkedHashMap<>();
    private final List<String> contractRevisions = new ArrayList<>();

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
}
