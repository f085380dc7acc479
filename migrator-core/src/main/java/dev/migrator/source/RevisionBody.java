package dev.migrator.source;

import dev.migrator.Migration;
import java.util.List;
import java.util.function.Supplier;

/** What a revision runs: the sections of a SQL file, or a Java {@link Migration}. */
public sealed interface RevisionBody {

    /**
     * Checks what loading left for later: for a SQL revision, that its sections split into statements.
     * Commands call it for every revision they will run before running the first one.
     *
     * @throws RevisionLoadException naming the file, line and statement of the first problem
     */
    void checkStatements();

    /**
     * The sections of a SQL file. The upgrade and downgrade sections are split into statements on
     * first use (see {@link SqlSection}); the verify query is checked when the file is loaded.
     *
     * <p>A revision known from a build-time revision index is <em>deferred</em>: its file is read,
     * checked against the index's checksum and parsed the first time a command needs its statements,
     * so a start-up that runs nothing reads no file. Its verify query comes from the index.
     */
    final class Sql implements RevisionBody {

        private final SqlSection upgrade;
        private final SqlSection downgrade;
        private final SqlStatement verify;
        private final Supplier<Sql> reader; // null once parsed from the file
        private volatile Sql read;

        Sql(SqlSection upgrade, SqlSection downgrade, SqlStatement verify) {
            this.upgrade = upgrade;
            this.downgrade = downgrade;
            this.verify = verify;
            this.reader = null;
        }

        private Sql(SqlStatement verify, Supplier<Sql> reader) {
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

        /** @throws RevisionLoadException if the section is malformed */
        public List<SqlStatement> upgrade() {
            return parsed().upgrade.statements();
        }

        /** Empty for an irreversible revision. @throws RevisionLoadException if the section is malformed */
        public List<SqlStatement> downgrade() {
            SqlSection section = parsed().downgrade;
            return section == null ? List.of() : section.statements();
        }

        /**
         * The file's text as loaded (LF line endings), to which {@link SqlStatement#line()} refers: the safety
         * analysis reads the {@code -- migrator:allow} comments above a statement from it.
         */
        public String sourceText() {
            return upgrade.text();
        }

        /** The {@code migrate:verify} query (one statement returning one boolean), or null. */
        public SqlStatement verify() {
            return verify;
        }

        /** Reads a deferred revision's file now (both sections' statements are needed before a run starts). */
        @Override
        public void checkStatements() {
            upgrade();
            downgrade();
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

    record Java(Migration migration) implements RevisionBody {
        @Override
        public void checkStatements() {
            // A Java revision is checked when it is loaded (a derived downgrade is recorded then).
        }
    }
}
