package dev.migrator.internal.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/** Turns the absolute forms of a {@link Target} into revisions of one graph, with errors that list candidates. */
final class TargetResolver {

    private static final int MIN_PREFIX = 4;
    private static final int MAX_LISTED = 10;

    private final Topology topology;
    private final Branches branches;

    TargetResolver(Topology topology, Branches branches) {
        this.topology = topology;
        this.branches = branches;
    }

    /**
     * The revisions an absolute target names: {@code heads}, {@code head}, ids, {@code <label>@head},
     * {@code <label>@<id>}, {@code <id>±N}. Callers handle {@code base}, {@code <label>@base} and
     * relative targets themselves, because their meaning depends on the command.
     */
    BitSet revisions(Target target) {
        BitSet result = new BitSet(topology.size());
        if (target instanceof Target.Heads) {
            result.or(topology.headsOf(topology.all()));
        } else if (target instanceof Target.Head) {
            result.set(singleHead(target.text()));
        } else if (target instanceof Target.Revisions revisions) {
            for (String ref : revisions.refs()) {
                result.set(resolve(ref, target.text()));
            }
        } else if (target instanceof Target.BranchHead branchHead) {
            result.set(branchHead(branchHead.label(), target.text()));
        } else if (target instanceof Target.BranchRevision branchRevision) {
            result.set(resolveInBranch(branchRevision, branches.line(branchRevision.label(), target.text())));
        } else if (target instanceof Target.Walk walk) {
            result.set(walk(walk));
        } else {
            throw new IllegalArgumentException("not an absolute target: " + target);
        }
        return result;
    }

    int singleHead(String text) {
        BitSet heads = topology.headsOf(topology.all());
        if (heads.cardinality() == 1) {
            return heads.nextSetBit(0);
        }
        if (heads.isEmpty()) {
            throw new RevisionGraphException("Target '" + text + "' names the head, but there are no revisions.");
        }
        throw new RevisionGraphException("Target '" + text + "' is ambiguous: there are " + heads.cardinality()
                + " heads (" + String.join(", ", topology.sortedIds(heads))
                + "). Use 'heads' for all of them, '<label>@head' or an id, or add a merge revision.");
    }

    int branchHead(String label, String text) {
        BitSet members = branches.members(label, text);
        BitSet heads = topology.headsOf(members);
        if (heads.cardinality() > 1) {
            throw new RevisionGraphException("Target '" + text + "' is ambiguous: branch '" + label + "' forks into "
                    + heads.cardinality() + " heads (" + String.join(", ", topology.sortedIds(heads)) + "). Use one of those ids.");
        }
        return heads.nextSetBit(0);
    }

    /** A full id, or a unique prefix of at least 4 characters. */
    int resolve(String ref, String text) {
        int exact = topology.indexOf(ref);
        if (exact >= 0) {
            return exact;
        }
        List<String> matches = prefixMatches(ref, null);
        String where = text == null || text.equals(ref) ? "" : " in target '" + text + "'";
        if (!matches.isEmpty() && ref.length() < MIN_PREFIX) {
            throw new RevisionGraphException("Revision prefix '" + ref + "'" + where + " is too short: use at least "
                    + MIN_PREFIX + " characters of an id. It matches " + listed(matches) + ".");
        }
        if (matches.size() == 1) {
            return topology.indexOf(matches.get(0));
        }
        if (matches.size() > 1) {
            throw new RevisionGraphException("Revision prefix '" + ref + "'" + where + " is ambiguous: it matches "
                    + listed(matches) + ". Use more characters of the id.");
        }
        throw unknown(ref, where);
    }

    private RevisionGraphException unknown(String ref, String where) {
        StringBuilder message = new StringBuilder("Unknown revision '").append(ref).append("'").append(where).append('.');
        if (branches.isLabel(ref)) {
            message.append(" '").append(ref).append("' is a branch label: use '").append(ref).append("@head'.");
        }
        List<String> near = Suggestions.nearIds(ref, topology.ids());
        if (!near.isEmpty()) {
            message.append(" Did you mean ").append(String.join(", ", near)).append('?');
        } else if (!branches.isLabel(ref)) {
            message.append(" No revision id starts with it; 'heads' lists the latest revisions.");
        }
        return new RevisionGraphException(message.toString());
    }

    /**
     * An id or prefix among the revisions on the label's line: the labelled revision's ancestors
     * (below the fork too) and descendants. The label selects which side of a fork moves.
     */
    private int resolveInBranch(Target.BranchRevision target, BitSet line) {
        String ref = target.ref();
        int exact = topology.indexOf(ref);
        List<String> matches = exact >= 0 ? List.of(ref) : prefixMatches(ref, line);
        if (matches.size() == 1 && (exact >= 0 || ref.length() >= MIN_PREFIX)) {
            int i = topology.indexOf(matches.get(0));
            if (line.get(i)) {
                return i;
            }
        }
        if (matches.size() > 1 && ref.length() >= MIN_PREFIX) {
            throw new RevisionGraphException("Revision prefix '" + ref + "' in target '" + target.text()
                    + "' is ambiguous on the line of branch '" + target.label() + "': it matches " + listed(matches)
                    + ". Use more characters of the id.");
        }
        throw new RevisionGraphException("Target '" + target.text() + "': no revision on the line of branch '" + target.label()
                + "' (its revisions, their ancestors and descendants) has the id or a prefix (of at least " + MIN_PREFIX
                + " characters) '" + ref + "'. That line holds " + listed(topology.sortedIds(line)) + ".");
    }

    /** Ids starting with {@code prefix}, optionally only among {@code within}; sorted. */
    private List<String> prefixMatches(String prefix, BitSet within) {
        List<String> matches = new ArrayList<>();
        List<String> ids = topology.ids();
        // Ids starting with the prefix follow each other from where the prefix would be inserted.
        int first = Collections.binarySearch(ids, prefix);
        for (int k = first >= 0 ? first : -first - 1; k < ids.size(); k++) {
            String id = ids.get(k);
            if (!id.startsWith(prefix)) {
                break;
            }
            if (within == null || within.get(topology.indexOf(id))) {
                matches.add(id);
            }
        }
        return matches;
    }

    /** {@code <id>+N} through children, {@code <id>-N} through parents; fails at a fork, a merge or an end. */
    private int walk(Target.Walk walk) {
        int current = walk.ref().equals("head") ? singleHead(walk.text()) : resolve(walk.ref(), walk.text());
        boolean up = walk.steps() > 0;
        int wanted = Math.abs(walk.steps());
        for (int step = 0; step < wanted; step++) {
            int[] next = up ? topology.children(current) : topology.parents(current);
            if (next.length == 1) {
                current = next[0];
                continue;
            }
            String here = topology.id(current);
            if (next.length == 0) {
                throw new RevisionGraphException("Target '" + walk.text() + "' goes " + wanted + " step(s) "
                        + (up ? "up" : "down") + " but only " + step + " are possible: " + here + " is "
                        + (up ? "a head" : "a base") + "." + (up ? "" : " Use 'base' to unapply everything."));
            }
            List<String> ways = new ArrayList<>();
            for (int n : next) {
                ways.add(describe(n));
            }
            throw new RevisionGraphException("Target '" + walk.text() + "' is ambiguous: after " + step + " step(s), "
                    + here + (up ? " is a branch point with children " : " is a merge of ")
                    + String.join(", ", ways) + ". Walk from one of those ids instead.");
        }
        return current;
    }

    /** An id with the branches it belongs to, so a fork or merge error says which way each side goes. */
    private String describe(int i) {
        java.util.Set<String> labels = branches.labelsOf(i);
        return labels.isEmpty() ? topology.id(i) : topology.id(i) + " (branch " + String.join(", ", labels) + ")";
    }

    private static String listed(List<String> ids) {
        if (ids.size() <= MAX_LISTED) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, MAX_LISTED)) + " and " + (ids.size() - MAX_LISTED) + " more";
    }
}
