package dev.migrator.maven;

import dev.migrator.MigratorException;
import dev.migrator.commands.config.ConfigResolver;
import dev.migrator.commands.config.Setting;
import dev.migrator.commands.config.ToolConfig;
import dev.migrator.IndexGenerator;
import dev.migrator.internal.source.index.RevisionIndexWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn migrator:index}: writes the build-time revision index ({@code migrator.index}) of each
 * {@code classpath:} location into the build's output directory, so that the packaged application starts
 * from the index instead of reading every revision file (see the guide's "The revision index"). Every file
 * is read and checked completely first (every problem of every file reported, the build fails, nothing is
 * written). Bound to {@code process-classes}: after the resources are copied, before they are packaged.
 * {@code filesystem:} locations are not indexed: their files are not part of the artifact.
 */
@Mojo(name = "index", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class IndexMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Comma list of locations; by default as the project configures them (migrator.properties, application.properties), else classpath:db/migrations. */
    @Parameter(property = "migrator.locations")
    String locations;

    /** Writes nothing; fails when an index is missing or does not match its files (every file is read). */
    @Parameter(property = "migrator.index.check", defaultValue = "false")
    boolean check;

    /** Skips the goal. */
    @Parameter(property = "migrator.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("migrator: skipped (migrator.skip)");
            return;
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<String> stale = new ArrayList<>();
        for (String location : locations()) {
            if (location.strip().toLowerCase(Locale.ROOT).startsWith("filesystem:")) {
                getLog().info("migrator: " + location + " is not indexed (its files are not part of the build's output)");
                continue;
            }
            Path directory = IndexGenerator.directoryOf(classes, location);
            if (!Files.isDirectory(directory)) {
                getLog().info("migrator: no " + directory + ", so no index for " + location);
                continue;
            }
            try {
                if (check) {
                    List<String> differences = RevisionIndexWriter.check(directory, location);
                    differences.forEach(d -> stale.add(location + ": " + d));
                    if (differences.isEmpty()) {
                        getLog().info("migrator: the revision index of " + location + " is current");
                    }
                } else {
                    Path written = RevisionIndexWriter.write(directory, location);
                    getLog().info("migrator: wrote " + written);
                }
            } catch (MigratorException e) {
                throw new MojoFailureException("[" + e.code() + "] " + e.getMessage(), e);
            }
        }
        if (!stale.isEmpty()) {
            throw new MojoFailureException("migrator:index -Dmigrator.index.check: the revision index is not current:\n  "
                    + String.join("\n  ", stale) + "\nRun the build (mvn process-classes) to rebuild it.");
        }
    }

    /** As every goal resolves them: this parameter, the environment, migrator.properties, the project's Spring Boot configuration. */
    private List<String> locations() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.LOCATIONS, locations);
        Path base = project.getBasedir().toPath();
        List<Path> resources = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            resources.add(base.resolve(resource.getDirectory()));
        }
        ToolConfig config = ConfigResolver.resolve(flags, System.getenv(), base, resources);
        return config.locations();
    }
}
