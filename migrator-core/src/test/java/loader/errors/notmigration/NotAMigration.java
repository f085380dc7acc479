package loader.errors.notmigration;

import dev.migrator.Revision;

@Revision(id = "e0000001", message = "annotated but not a Migration")
public class NotAMigration {
}
