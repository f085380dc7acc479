package loader.valid;

import dev.migrator.Migration;
import dev.migrator.Phase;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;

@Revision(id = "j0000001", revises = "a0000001", message = "add audit table", branchLabels = "audit",
        dependsOn = "b0000002", phase = Phase.CONTRACT, transactional = false, lockTimeout = "500ms")
public class AddAuditTable implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE audit (id bigint)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE audit");
    }
}
