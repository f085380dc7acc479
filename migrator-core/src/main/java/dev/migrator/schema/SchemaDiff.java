package dev.migrator.schema;

import dev.migrator.schema.SchemaSnapshot.SchemaObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed between two snapshots, in a stable order (by kind and name). When a whole table was
 * added or dropped, its columns, constraints, indexes and triggers are not listed one by one.
 */
public record SchemaDiff(List<SchemaChange> changes) {

    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Every change in words, separated by {@code "; "}. */
    public String describe() {
        return changes.stream().map(SchemaChange::describe).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return describe();
    }

    static SchemaDiff between(Map<String, SchemaObject> older, Map<String, SchemaObject> newer) {
        // HashSet: contains(null) must answer false for objects that belong to no table
        Set<String> addedTables = new HashSet<>();
        Set<String> droppedTables = new HashSet<>();
        for (String key : union(older, newer)) {
            SchemaObject before = older.get(key);
            SchemaObject after = newer.get(key);
            if ("table".equals(key(before, after).kind())) {
                if (before == null) {
                    addedTables.add(after.name());
                } else if (after == null) {
                    droppedTables.add(before.name());
                }
            }
        }
        List<SchemaChange> changes = new ArrayList<>();
        for (String key : union(older, newer)) {
            SchemaObject before = older.get(key);
            SchemaObject after = newer.get(key);
            if (before == null) {
                if (!addedTables.contains(after.table())) {
                    changes.add(new SchemaChange(SchemaChange.Type.ADDED, after.kind(), after.name(), null, null, null));
                }
            } else if (after == null) {
                if (!droppedTables.contains(before.table())) {
                    changes.add(new SchemaChange(SchemaChange.Type.DROPPED, before.kind(), before.name(), null, null, null));
                }
            } else {
                attributeChanges(before, after, changes);
            }
        }
        return new SchemaDiff(changes);
    }

    private static void attributeChanges(SchemaObject before, SchemaObject after, List<SchemaChange> changes) {
        Set<String> attributes = new TreeSet<>(before.attributes().keySet());
        attributes.addAll(after.attributes().keySet());
        for (String attribute : attributes) {
            String from = before.attributes().getOrDefault(attribute, "none");
            String to = after.attributes().getOrDefault(attribute, "none");
            if (from.equals(to)) {
                continue;
            }
            if ("enum".equals(before.kind()) && "values".equals(attribute)) {
                enumChanges(before, from, to, changes);
            } else {
                changes.add(new SchemaChange(SchemaChange.Type.CHANGED, before.kind(), before.name(), attribute, from, to));
            }
        }
    }

    /** Enum labels are compared one by one: {@code enum mood value 'sad' added}. */
    private static void enumChanges(SchemaObject type, String from, String to, List<SchemaChange> changes) {
        List<String> oldLabels = labels(from);
        List<String> newLabels = labels(to);
        int before = changes.size();
        for (String label : newLabels) {
            if (!oldLabels.contains(label)) {
                changes.add(new SchemaChange(SchemaChange.Type.ADDED, type.kind(), type.name(), "value", null, label));
            }
        }
        for (String label : oldLabels) {
            if (!newLabels.contains(label)) {
                changes.add(new SchemaChange(SchemaChange.Type.DROPPED, type.kind(), type.name(), "value", label, null));
            }
        }
        if (changes.size() == before) {
            changes.add(new SchemaChange(SchemaChange.Type.CHANGED, type.kind(), type.name(), "value order",
                    String.join(", ", oldLabels), String.join(", ", newLabels)));
        }
    }

    private static List<String> labels(String values) {
        return values.isEmpty() ? List.of() : List.of(values.split("\n"));
    }

    private static Set<String> union(Map<String, SchemaObject> older, Map<String, SchemaObject> newer) {
        Set<String> keys = new TreeSet<>(older.keySet());
        keys.addAll(newer.keySet());
        return new LinkedHashSet<>(keys);
    }

    private static SchemaObject key(SchemaObject before, SchemaObject after) {
        return before != null ? before : after;
    }

    /**
     * One difference between two schema snapshots, worded for a person: {@code column
     * accounts.sneaky_hotfix added}, {@code index users_email_idx dropped}, {@code column users.name
     * type changed from text to character varying(100)}, {@code enum mood value 'sad' added}.
     *
     * @param attribute the attribute that changed (null for {@code ADDED}/{@code DROPPED})
     * @param from      the old value (null unless {@code CHANGED})
     * @param to        the new value (null unless {@code CHANGED})
     */
    public record SchemaChange(Type type, String kind, String name, String attribute, String from, String to) {

        public enum Type { ADDED, DROPPED, CHANGED }

        /** The change in words, e.g. {@code column users.name type changed from text to varchar(100)}. */
        public String describe() {
            String object = kind + " " + name;
            switch (type) {
                case ADDED:
                    return attribute == null ? object + " added" : object + " " + attribute + " " + to + " added";
                case DROPPED:
                    return attribute == null ? object + " dropped" : object + " " + attribute + " " + from + " removed";
                default:
                    if ("body".equals(attribute)) {
                        // the values are hashes; a person needs to know that, not which hash
                        return object + " body changed";
                    }
                    if ("definition".equals(attribute) && (from.length() > 120 || to.length() > 120)) {
                        return object + " definition changed";
                    }
                    return object + " " + attribute + " changed from " + from + " to " + to;
            }
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
