package dev.migrator.test;

import dev.migrator.schema.SchemaDiff.SchemaChange;
import dev.migrator.schema.SchemaDiff;
import java.util.ArrayList;
import java.util.List;

/** Schema differences in the words of the check that found them. */
final class SchemaWords {

    private SchemaWords() {}

    /**
     * What a downgrade failed to undo, from the schema before the upgrade to the one after the
     * downgrade: {@code left index orders_user_id_idx}, {@code dropped table audit, which existed
     * before the upgrade}, {@code left column users.email nullability not null (before the upgrade: nullable)}.
     */
    static String leftovers(SchemaDiff diff) {
        List<String> words = new ArrayList<>();
        for (SchemaChange change : diff.changes()) {
            String object = change.kind() + " " + change.name();
            switch (change.type()) {
                case ADDED -> words.add(change.attribute() == null ? "left " + object
                        : "left " + object + " " + change.attribute() + " " + change.to());
                case DROPPED -> words.add(change.attribute() == null ? "dropped " + object + ", which existed before the upgrade"
                        : "removed " + object + " " + change.attribute() + " " + change.from()
                                + ", which existed before the upgrade");
                default -> words.add(changed(change, "before the upgrade"));
            }
        }
        return String.join("; ", words);
    }


    private static String changed(SchemaChange change, String reference) {
        String object = change.kind() + " " + change.name();
        boolean unreadable = "body".equals(change.attribute())
                || ("definition".equals(change.attribute()) && (change.from().length() > 120 || change.to().length() > 120));
        if (unreadable) {
            return "left " + object + " with a different " + change.attribute() + " than " + reference;
        }
        return "left " + object + " " + change.attribute() + " " + change.to() + " (" + reference + ": " + change.from() + ")";
    }
}
