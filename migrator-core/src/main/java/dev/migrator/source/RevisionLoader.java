package dev.migrator.source;

import dev.migrator.Migration;
import java.util.Collection;
import java.util.List;

/** Finds and parses revisions in {@code classpath:} and {@code filesystem:} locations. */
public final class RevisionLoader {

    private RevisionLoader() {}

    /**
     * Loads every {@code *.sql} file under the locations (recursively) and every {@code @Revision}
     * class in the package of each {@code classpath:} location, plus {@code extra} Java migrations
     * (e.g. Spring beans). Does not build the graph.
     */
    public static List<LoadedRevision> load(List<String> locations, ClassLoader classLoader, Collection<? extends Migration> extra) {
        throw new UnsupportedOperationException("TODO");
    }
}
