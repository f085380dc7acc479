package dev.migrator.maven;

import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Human;
import dev.migrator.commands.render.Printer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn migrator:stamp -Dmigrator.target=ID}: sets the version table without running any revision. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class StampMojo extends AbstractMigratorMojo {

    @Parameter(property = "migrator.target", required = true)
    String target;

    @Override
    void run(Workspace workspace, Printer printer) {
        Human.stamp(workspace.migratorWithDatabase("migrator:stamp").stamp(target)).forEach(printer::line);
    }
}
