package dev.migrator.cli;

import dev.migrator.commands.Workspace;
import dev.migrator.commands.flyway.FlywayImport;
import dev.migrator.commands.render.Human;
import dev.migrator.commands.render.Printer;
import dev.migrator.commands.render.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import flyway DIR}: bring an existing Flyway project over. */
@Command(name = "import", description = "Import migrations from another tool.", subcommands = ImportCommand.Flyway.class)
final class ImportCommand {

    @Command(name = "flyway", description = "Turn Flyway's V<version>__<description>.sql files into a chain of revisions; "
            + "with --stamp, record the version flyway_schema_history says is applied.")
    static final class Flyway extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the folder of the Flyway scripts (e.g. src/main/resources/db/migration)")
        Path directory;

        @Option(names = "--stamp", description = "stamp the revision of the highest successful version in flyway_schema_history")
        boolean stamp;

        @Option(names = "--flyway-table", paramLabel = "NAME", description = "Flyway's history table (default flyway_schema_history)")
        String table = "flyway_schema_history";

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                Path dir = root().projectDirectory().resolve(directory);
                FlywayImport.Report report = FlywayImport.run(workspace, dir, stamp, table);
                if (json()) {
                    root().printJson(json(report));
                    return ExitCodes.OK;
                }
                Printer printer = root().printer();
                Table imported = new Table("VERSION", "REVISION", "FLYWAY FILE", "", "FILE");
                for (FlywayImport.Imported i : report.imported()) {
                    imported.row(i.version(), i.revision(), i.flywayFile(), (i.written() ? "written" : "unchanged")
                            + (i.transactional() ? "" : ", non-transactional") + (i.reversible() ? ", with undo" : ""), i.file());
                }
                imported.print(printer);
                printer.line(report.imported().size() + " version(s) imported as a chain of revisions.");
                report.skipped().forEach(s -> printer.warn("skipped " + s));
                report.warnings().forEach(printer::warn);
                if (report.flywayVersion() != null) {
                    printer.line(table + " says version " + report.flywayVersion() + " is applied"
                            + (report.stampRevision() == null ? "." : " (revision " + report.stampRevision() + ")."));
                }
                if (report.stamped() != null) {
                    Human.stamp(report.stamped()).forEach(printer::line);
                } else if (report.stampRevision() != null) {
                    printer.line("Run again with --stamp to record it in Migrator's version table.");
                }
                return ExitCodes.OK;
            }
        }

        private static Map<String, Object> json(FlywayImport.Report report) {
            List<Map<String, Object>> imported = new ArrayList<>();
            for (FlywayImport.Imported i : report.imported()) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("version", i.version());
                map.put("revision", i.revision());
                map.put("flywayFile", i.flywayFile());
                map.put("file", i.file().toString());
                map.put("written", i.written());
                map.put("transactional", i.transactional());
                map.put("reversible", i.reversible());
                imported.add(map);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("imported", imported);
            map.put("skipped", report.skipped());
            map.put("warnings", report.warnings());
            map.put("flywayVersion", report.flywayVersion());
            map.put("stampRevision", report.stampRevision());
            map.put("stamped", report.stamped() == null ? null : Json.stamp(report.stamped()));
            return map;
        }
    }
}
