package loader.errors.noconstructor;

import dev.migrator.Migration;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;

@Revision(id = "e0000002", message = "no public no-arg constructor")
public class NeedsArguments implements Migration {

    private final String table;

    public NeedsArguments(String table) {
        this.table = table;
    }

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE " + table + " (id int)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE " + table);
    }
}
