package dev.migrator.maven;

import dev.migrator.ErrorCode;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.MigratorException;
import dev.migrator.result.ValidationResult;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Human;
import dev.migrator.commands.render.Printer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn migrator:validate}: fails the build on an edited applied revision, and on pending revisions
 * (unless {@code allowPending}); deferred contract-phase revisions are not pending.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ValidateMojo extends AbstractMigratorMojo {

    @Parameter(property = "migrator.allow-pending", defaultValue = "false")
    boolean allowPending;

    @Override
    void run(Workspace workspace, Printer printer) {
        ValidationResult result = workspace.migratorWithDatabase("migrator:validate").validate();
        Human.validation(result).forEach(printer::line);
        boolean pending = result.state() == MigrationState.PENDING
                || result.state() == MigrationState.NOT_INITIALIZED && !result.pending().isEmpty();
        if (pending && !allowPending) {
            throw new MigratorException(ErrorCode.PENDING_REVISIONS, result.pending().size() + " revision(s) pending, from "
                    + result.pending().get(0).revision() + ": run migrator:upgrade (or set migrator.allow-pending).");
        }
    }
}
