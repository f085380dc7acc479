package dev.migrator.maven;

import dev.migrator.MigratorException;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.config.ConfigResolver;
import dev.migrator.commands.config.Setting;
import dev.migrator.commands.config.ToolConfig;
import dev.migrator.commands.project.ProjectLayout;
import dev.migrator.commands.render.Printer;
import dev.migrator.commands.render.ProgressPrinter;
import dev.migrator.event.MigrationListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the settings (these parameters, each also a {@code -Dmigrator.*} property, then the
 * environment, {@code migrator.properties} and the project's Spring Boot configuration, as for the command line)
 * and the project's revisions: SQL from its resource directories, Java revisions from its compiled classes, and
 * {@code classpath:} locations in its compile dependencies. A Migrator failure fails the build with its message.
 */
abstract class AbstractMigratorMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** JDBC URL; without one only the goals about the code work (check, history, sql). */
    @Parameter(property = "migrator.url")
    String url;

    @Parameter(property = "migrator.user")
    String user;

    /** Prefer the MIGRATOR_PASSWORD environment variable or a server in settings.xml over a password in the POM. */
    @Parameter(property = "migrator.password")
    String password;

    /** Comma list of classpath: and filesystem: locations (default classpath:db/migrations). */
    @Parameter(property = "migrator.locations")
    String locations;

    @Parameter(property = "migrator.schema")
    String schema;

    @Parameter(property = "migrator.table-prefix")
    String tablePrefix;

    /** defer (default) or apply contract-phase revisions. */
    @Parameter(property = "migrator.contract")
    String contract;

    @Parameter(property = "migrator.lock-timeout")
    String lockTimeout;

    /** Skips the goal. */
    @Parameter(property = "migrator.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("migrator: skipped (migrator.skip)");
            return;
        }
        try (Workspace workspace = workspace(progress())) {
            run(workspace, printer());
        } catch (MigratorException e) {
            throw new MojoFailureException("[" + e.code() + "] " + e.getMessage(), e);
        }
    }

    abstract void run(Workspace workspace, Printer printer) throws MojoExecutionException, MojoFailureException;

    /** Whether the goal migrates (and so prints each revision as it runs). */
    boolean progress() {
        return false;
    }

    Printer printer() {
        return new Printer() {
            @Override
            public void line(String text) {
                getLog().info(text);
            }

            @Override
            public void warn(String text) {
                getLog().warn(text);
            }
        };
    }

    private Workspace workspace(boolean progress) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.URL, url);
        flags.put(Setting.USER, user);
        flags.put(Setting.PASSWORD, password);
        flags.put(Setting.LOCATIONS, locations);
        flags.put(Setting.SCHEMA, schema);
        flags.put(Setting.TABLE_PREFIX, tablePrefix);
        flags.put(Setting.CONTRACT, contract);
        flags.put(Setting.LOCK_TIMEOUT, lockTimeout);
        Path base = project.getBasedir().toPath();
        List<Path> resources = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            resources.add(base.resolve(resource.getDirectory()));
        }
        ToolConfig config = ConfigResolver.resolve(flags, System.getenv(), base, resources);
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<Path> dependencies = new ArrayList<>();
        for (var artifact : project.getArtifacts()) {
            if (artifact.getFile() != null && List.of("compile", "provided", "system", "runtime").contains(artifact.getScope())) {
                dependencies.add(artifact.getFile().toPath());
            }
        }
        dependencies.addAll(config.classpath().stream().map(base::resolve).toList());
        ProjectLayout layout = new ProjectLayout(base, true, resources, List.of(classes), dependencies);
        List<MigrationListener> listeners = progress ? List.of(new ProgressPrinter(printer())) : List.of();
        return new Workspace(config, layout, listeners);
    }
}
