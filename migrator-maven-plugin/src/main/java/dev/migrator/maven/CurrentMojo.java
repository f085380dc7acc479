package dev.migrator.maven;

import dev.migrator.Migrator;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Human;
import dev.migrator.commands.render.Printer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn migrator:current}: the revisions the database is at, its state and what is pending. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CurrentMojo extends AbstractMigratorMojo {

    @Override
    void run(Workspace workspace, Printer printer) {
        Migrator migrator = workspace.migratorWithDatabase("migrator:current");
        Human.current(migrator.status(), migrator.revisions(), true, workspace.config().displayUrl()).forEach(printer::line);
    }
}
