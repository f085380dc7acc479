package loader.valid;

import dev.migrator.ReversibleMigration;
import dev.migrator.Revision;
import dev.migrator.operation.Operation;
import dev.migrator.operation.OperationRecorder;
import dev.migrator.operation.Operations;
import java.util.Optional;

/** A revision whose downgrade is derived from change(): it only uses an operation that knows its reverse. */
@Revision(id = "j0000002", revises = "c0000003", message = "derived downgrade")
public class DerivedDowngrade implements ReversibleMigration {

    /** A stand-in for a reversible operation of the op API (e.g. createTable / dropTable). */
    public record Create(String name) implements Operation {
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new Drop(name));
        }

        @Override
        public String describe() {
            return "create(" + name + ")";
        }
    }

    public record Drop(String name) implements Operation {
        @Override
        public String describe() {
            return "drop(" + name + ")";
        }
    }

    @Override
    public void change(Operations op) {
        ((OperationRecorder) op).add(new Create("things"));
    }
}
