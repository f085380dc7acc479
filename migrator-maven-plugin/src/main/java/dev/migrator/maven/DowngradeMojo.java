package dev.migrator.maven;

import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Human;
import dev.migrator.commands.render.Printer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn migrator:downgrade -Dmigrator.target=-1}: unapplies revisions down to {@code target}. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class DowngradeMojo extends AbstractMigratorMojo {

    /** Required: a downgrade is never implied. */
    @Parameter(property = "migrator.target", required = true)
    String target;

    @Override
    boolean progress() {
        return true;
    }

    @Override
    void run(Workspace workspace, Printer printer) {
        printer.line("Downgrade to " + target + " on " + workspace.config().displayUrl());
        Human.migration(workspace.migratorWithDatabase("migrator:downgrade").downgrade(target)).forEach(printer::line);
    }
}
