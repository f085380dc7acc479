package dev.migrator.source;

import dev.migrator.Migration;
import java.util.List;

/** What a revision runs: the sections of a SQL file, or a Java {@link Migration}. */
public sealed interface RevisionBody {

    /**
     * The sections of a SQL file, split into statements and checked when the file was loaded. A
     * transactional revision's {@code BEGIN;} ... {@code COMMIT;} wrapper is not among them (its body
     * runs in Migrator's own transaction).
     */
    final class Sql implements RevisionBody {

        private final String sourceText;
        private final List<SqlStatement> upgrade;
        private final List<SqlStatement> downgrade;
        private final SqlStatement verify;

        Sql(String sourceText, List<SqlStatement> upgrade, List<SqlStatement> downgrade, SqlStatement verify) {
            this.sourceText = sourceText;
            this.upgrade = List.copyOf(upgrade);
            this.downgrade = List.copyOf(downgrade);
            this.verify = verify;
        }

        /** The upgrade's statements; empty for a section with only comments (a no-op). */
        public List<SqlStatement> upgrade() {
            return upgrade;
        }

        /** The downgrade's statements; empty for an irreversible revision or a comment-only section. */
        public List<SqlStatement> downgrade() {
            return downgrade;
        }

        /**
         * The file's text as loaded (LF line endings), to which {@link SqlStatement#line()} refers: the safety
         * analysis reads the {@code -- migrator:allow} comments above a statement from it.
         */
        public String sourceText() {
            return sourceText;
        }

        /** The {@code migrate:verify} query (one statement returning one boolean), or null. */
        public SqlStatement verify() {
            return verify;
        }
    }

    record Java(Migration migration) implements RevisionBody {}
}
