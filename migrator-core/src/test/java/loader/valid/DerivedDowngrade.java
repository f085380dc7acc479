package loader.valid;

import dev.migrator.ReversibleMigration;
import dev.migrator.Revision;
import dev.migrator.operation.Column;
import dev.migrator.operation.Operation;
import dev.migrator.operation.Operations;
import dev.migrator.operation.TableOperation.CreateTable;
import dev.migrator.operation.Type;
import java.util.List;

/** A revision whose downgrade is derived from change(): it only uses an operation that knows its reverse. */
@Revision(id = "j0000002", revises = "c0000003", message = "derived downgrade")
public class DerivedDowngrade implements ReversibleMigration {

    /** A reversible operation of the op API, added as a value. */
    public static final Operation CREATE = new CreateTable("things", List.of(Column.column("id", Type.BIGINT)), List.of(),
            false);

    /** Its reverse: what the derived downgrade records. */
    public static final Operation DROP = CREATE.reverse().orElseThrow();

    @Override
    public void change(Operations op) {
        op.add(CREATE);
    }
}
