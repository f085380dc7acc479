package dev.migrator.maven;

import dev.migrator.RevisionInfo;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.HistoryGraph;
import dev.migrator.commands.render.Printer;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn migrator:history}: the code's revisions as a graph, applied ones marked when a database is configured. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class HistoryMojo extends AbstractMigratorMojo {

    /** {@code [from]:[to]}, e.g. {@code base:heads}; empty for every revision. */
    @Parameter(property = "migrator.range", defaultValue = "")
    String range;

    @Override
    void run(Workspace workspace, Printer printer) {
        List<RevisionInfo> revisions = workspace.migrator().history(range == null ? "" : range);
        Set<String> applied = workspace.hasDatabase() ? workspace.migrator().applied() : null;
        HistoryGraph.draw(revisions, applied).forEach(printer::line);
    }
}
