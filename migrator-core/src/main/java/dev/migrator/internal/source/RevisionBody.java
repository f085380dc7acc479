package dev.migrator.internal.source;

import dev.migrator.Migration;
import java.util.List;
import java.util.function.Supplier;

/** What a revision runs: the sections of a SQL file, or a Java {@link Migration}. */
public sealed interface RevisionBody {

    /**
     * Makes sure what the revision runs is at hand. Only a SQL revision known from a build-time revision
     * index has anything to do: it reads its file now and checks it against the index. Commands call it
     * for every revision they will run before running the first one, so a file that no longer matches its
     * index stops the run with nothing run.
     *
     * @throws dev.migrator.MigratorException {@code REVISION_INDEX_STALE} when the file changed since the index was built
     */
    default void read() {
    }

    /**
     * The sections of a SQL file, split into statements and checked when the file was loaded. A
     * transactional revision's {@code BEGIN;} ... {@code COMMIT;} wrapper is not among them (its body
     * runs in Migrator's own transaction).
     *
     * <p>A revision known from a build-time revision index is <em>deferred</em>: its file is read,
     * checked against the index's checksum and parsed the first time its statements (or its text) are
     * needed, so a start-up that runs nothing reads no file. Its verify query comes from the index.
     */
    final class Sql implements RevisionBody {

        private final String sourceText;
        private final List<SqlStatement> upgrade;
        private final List<SqlStatement> downgrade;
        private final SqlStatement verify;
        private final Supplier<Sql> reader; // null once parsed from the file
        private volatile Sql read;

        Sql(String sourceText, List<SqlStatement> upgrade, List<SqlStatement> downgrade, SqlStatement verify) {
            this.sourceText = sourceText;
            this.upgrade = List.copyOf(upgrade);
            this.downgrade = List.copyOf(downgrade);
            this.verify = verify;
            this.reader = null;
        }

        private Sql(SqlStatement verify, Supplier<Sql> reader) {
            this.sourceText = null;
            this.upgrade = null;
            this.downgrade = null;
            this.verify = verify;
            this.reader = reader;
        }

        /**
         * @param reader reads, checks and parses the file; it throws when the file no longer matches the index
         */
        static Sql deferred(SqlStatement verify, Supplier<Sql> reader) {
            return new Sql(verify, reader);
        }

        /** The upgrade's statements; empty for a section with only comments (a no-op). */
        public List<SqlStatement> upgrade() {
            return parsed().upgrade;
        }

        /** The downgrade's statements; empty for an irreversible revision or a comment-only section. */
        public List<SqlStatement> downgrade() {
            return parsed().downgrade;
        }

        /**
         * The file's text as loaded (LF line endings), to which {@link SqlStatement#line()} refers: the safety
         * analysis reads the {@code -- migrator:allow} comments above a statement from it.
         */
        public String sourceText() {
            return parsed().sourceText;
        }

        /** The {@code migrate:verify} query (one statement returning one boolean), or null. */
        public SqlStatement verify() {
            return verify;
        }

        @Override
        public void read() {
            parsed();
        }

        /** This body, or for a deferred one the body parsed from its file (read once, on first use). */
        private Sql parsed() {
            if (reader == null) {
                return this;
            }
            Sql body = read;
            if (body == null) {
                synchronized (this) {
                    body = read;
                    if (body == null) {
                        body = reader.get();
                        read = body;
                    }
                }
            }
            return body;
        }
    }

    record Java(Migration migration) implements RevisionBody {}
}
