package loadertest.migrations;

import dev.migrator.Migration;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;

/** Packed into a jar by RevisionLoaderJarTest, to be found by scanning the jar. */
@Revision(id = "jar0002", revises = "jar0001", message = "java revision in a jar")
public class JarRevision implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("SELECT 1");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("SELECT 1");
    }
}
