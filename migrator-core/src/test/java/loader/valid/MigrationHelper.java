package loader.valid;

/**
 * Not a revision: a class next to the revisions that the loader must leave alone. Its static
 * initialiser fails, so a loader that initialised the classes it inspects would fail the test.
 */
public final class MigrationHelper {

    static {
        refuseInitialisation();
    }

    private MigrationHelper() {}

    private static void refuseInitialisation() {
        throw new IllegalStateException("the loader must not initialise classes it only inspects");
    }
}
