package dev.migrator.source;

import dev.migrator.Migration;
import java.util.List;

/** What a revision runs: the sections of a SQL file, or a Java {@link Migration}. */
public sealed interface RevisionBody {

    /**
     * @param verify the {@code migrate:verify} query (one statement returning one boolean), or null
     */
    record Sql(List<SqlStatement> upgrade, List<SqlStatement> downgrade, SqlStatement verify) implements RevisionBody {
        public Sql {
            upgrade = List.copyOf(upgrade);
            downgrade = List.copyOf(downgrade);
        }
    }

    record Java(Migration migration) implements RevisionBody {}
}
