package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.event.MigrationListener;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test helper: revisions whose upgrade and downgrade write their own id into a table {@code ran},
 * so the database itself tells which revisions ran and in what order, and a listener that reads
 * the version table from a second session after every committed step.
 */
final class Journal implements MigrationListener {

    /** One executed step: the revision, its direction, and the version rows once it had committed. */
    record Ran(String revision, Direction direction, Set<String> rowsAfter) {}

    private final TestDatabase db;
    private final RevisionFiles files;
    private final List<Ran> seen = new CopyOnWriteArrayList<>();
    private long lastSeq;

    Journal(TestDatabase db, RevisionFiles files) {
        this.db = db;
        this.files = files;
        db.execute("CREATE TABLE ran (seq bigserial PRIMARY KEY, revision text NOT NULL, direction text NOT NULL)");
    }

    /** A revision recording itself in {@code ran}; {@code revises} may be empty for a base. */
    RevisionFiles.Rev revision(String id, String... revises) {
        RevisionFiles.Rev rev = files.revision(id);
        if (revises.length > 0) {
            rev.revises(revises);
        }
        return rev.upgrade("INSERT INTO ran (revision, direction) VALUES ('" + id + "', 'upgrade')")
                .downgrade("INSERT INTO ran (revision, direction) VALUES ('" + id + "', 'downgrade')");
    }

    void write(String id, String... revises) {
        revision(id, revises).write();
    }

    Migrator load() {
        return files.configure(db).listeners(this).load();
    }

    Migrator load(ContractPolicy contract) {
        return files.configure(db).listeners(this).contract(contract).load();
    }

    static Ran step(String revision, Direction direction, String... rowsAfter) {
        return new Ran(revision, direction, new TreeSet<>(Set.of(rowsAfter)));
    }

    static Ran up(String revision, String... rowsAfter) {
        return step(revision, Direction.UPGRADE, rowsAfter);
    }

    static Ran down(String revision, String... rowsAfter) {
        return step(revision, Direction.DOWNGRADE, rowsAfter);
    }

    /**
     * Since the last call: the steps the result reports, the revisions that wrote into {@code ran}
     * (in commit order) and the version rows after each step are all exactly {@code expected}.
     */
    void assertRan(MigrationResult result, Ran... expected) {
        List<Ran> wanted = List.of(expected);
        assertThat(result.steps()).extracting(StepResult::revision).as("steps reported")
                .containsExactlyElementsOf(wanted.stream().map(Ran::revision).toList());
        assertThat(seen).as("steps and the version rows after each").containsExactlyElementsOf(wanted);
        assertThat(ranInDatabase()).as("what the revisions' statements wrote, in order")
                .containsExactlyElementsOf(wanted.stream().map(r -> r.revision() + " " + r.direction().label()).toList());
        seen.clear();
    }

    /** Nothing ran since the last call (a stamp, a refused command). */
    void assertNothingRan() {
        assertThat(seen).as("steps").isEmpty();
        assertThat(ranInDatabase()).as("revision statements run").isEmpty();
    }

    /** The version table, read from a session of its own. */
    Set<String> rows() {
        return query("SELECT revision FROM migrator_version");
    }

    @Override
    public void stepSucceeded(StepResult step) {
        seen.add(new Ran(step.revision(), step.direction(), new TreeSet<>(rows())));
    }

    private List<String> ranInDatabase() {
        List<String> ran = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, revision, direction FROM ran WHERE seq > " + lastSeq + " ORDER BY seq")) {
            while (rs.next()) {
                lastSeq = rs.getLong(1);
                ran.add(rs.getString(2) + " " + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ran;
    }

    private Set<String> query(String sql) {
        Set<String> values = new TreeSet<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
