package dev.migrator.maven;

import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Human;
import dev.migrator.commands.render.Printer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn migrator:upgrade}: applies revisions up to {@code target} (default {@code heads}). */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class UpgradeMojo extends AbstractMigratorMojo {

    @Parameter(property = "migrator.target", defaultValue = "heads")
    String target;

    @Override
    boolean progress() {
        return true;
    }

    @Override
    void run(Workspace workspace, Printer printer) {
        printer.line("Upgrade to " + target + " on " + workspace.config().displayUrl());
        Human.migration(workspace.migratorWithDatabase("migrator:upgrade").upgrade(target)).forEach(printer::line);
    }
}
