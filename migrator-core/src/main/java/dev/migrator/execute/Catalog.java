package dev.migrator.execute;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.RevisionInfo;
import dev.migrator.revision.RevisionGraph;
import dev.migrator.source.LoadedRevision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The code's revisions: the graph and, per id, what was loaded. */
public final class Catalog {

    private final RevisionGraph graph;
    private final Map<String, LoadedRevision> revisions = new LinkedHashMap<>();

    public Catalog(RevisionGraph graph, List<LoadedRevision> loaded) {
        this.graph = graph;
        for (LoadedRevision revision : loaded) {
            revisions.put(revision.id(), revision);
        }
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
