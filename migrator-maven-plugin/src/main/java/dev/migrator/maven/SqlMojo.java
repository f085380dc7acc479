package dev.migrator.maven;

import dev.migrator.Direction;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.commands.OfflineSql;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Printer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn migrator:sql}: writes the offline script (upgrade, downgrade or stamp) to a file for a DBA to review
 * and run with {@code psql -v ON_ERROR_STOP=1 -f}. Reads no database.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class SqlMojo extends AbstractMigratorMojo {

    /** upgrade, downgrade or stamp. */
    @Parameter(property = "migrator.direction", defaultValue = "upgrade")
    String direction;

    @Parameter(property = "migrator.target", defaultValue = "heads")
    String target;

    /** The state the script starts from (default: base for upgrade and stamp, heads for downgrade). */
    @Parameter(property = "migrator.from")
    String from;

    @Parameter(property = "migrator.output", defaultValue = "${project.build.directory}/migrator/migration.sql")
    File outputFile;

    @Override
    void run(Workspace workspace, Printer printer) {
        Direction kind;
        try {
            kind = Direction.valueOf(direction.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "migrator.direction = \"" + direction
                    + "\": expected upgrade, downgrade or stamp.");
        }
        String script = OfflineSql.render(workspace.migrator(), kind, target, from);
        try {
            Files.createDirectories(outputFile.toPath().getParent());
            Files.writeString(outputFile.toPath(), script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Cannot write " + outputFile + ": " + e, e);
        }
        printer.line("Wrote the " + kind.label() + " script to " + target + " (" + script.lines().count() + " lines) to " + outputFile);
    }
}
