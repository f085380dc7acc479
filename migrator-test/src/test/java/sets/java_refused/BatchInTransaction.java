package sets.java_refused;

import dev.migrator.Migration;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;

/** A Java revision that loads but cannot run: a batch update commits per batch, its revision is transactional. */
@Revision(id = "8b0000000001", message = "a batch update in a transactional revision")
public class BatchInTransaction implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE tags (id bigserial PRIMARY KEY, name text)");
        op.batchUpdate("tags", "name = lower(name)", null);
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE tags");
    }
}
