package dev.migrator.schema;

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
