package dev.migrator.source;

import dev.migrator.Migration;
import java.util.List;

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
     */
    final class Sql implements RevisionBody {

        private final SqlSection upgrade;
        private final SqlSection downgrade;
        private final SqlStatement verify;

        Sql(SqlSection upgrade, SqlSection downgrade, SqlStatement verify) {
            this.upgrade = upgrade;
            this.downgrade = downgrade;
            this.verify = verify;
        }

        /** @throws RevisionLoadException if the section is malformed */
        public List<SqlStatement> upgrade() {
            return upgrade.statements();
        }

        /** Empty for an irreversible revision. @throws RevisionLoadException if the section is malformed */
        public List<SqlStatement> downgrade() {
            return downgrade == null ? List.of() : downgrade.statements();
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

        @Override
        public void checkStatements() {
            upgrade();
            downgrade();
        }
    }

    record Java(Migration migration) implements RevisionBody {
        @Override
        public void checkStatements() {
            // A Java revision is checked when it is loaded (a derived downgrade is recorded then).
        }
    }
}
