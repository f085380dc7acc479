package dev.migrator.commands.flyway;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import dev.migrator.result.StampResult;
import dev.migrator.commands.Workspace;
import dev.migrator.internal.revision.RevisionIds;
import dev.migrator.internal.template.RevisionTemplate;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code import flyway DIR}: turns Flyway's versioned scripts into a chain of revisions in version order, one
 * revision per version, with a deterministic id ({@code flyway_v<version>}) so a second import (or a colleague's)
 * writes the same files. The original file name stays in the message; the upgrade section is the file's text;
 * an undo script ({@code U<version>__}) becomes the downgrade, else the revision is marked irreversible. A
 * script Flyway would run outside a transaction (a {@code .conf} with {@code executeInTransaction=false}, or a
 * statement like {@code CREATE INDEX CONCURRENTLY}) becomes non-transactional. Repeatable and other files are
 * reported, never silently dropped.
 */
public final class FlywayImport {

    private static final Pattern NON_TRANSACTIONAL = Pattern.compile(
            "\\b(CONCURRENTLY|VACUUM|ALTER\\s+SYSTEM|CREATE\\s+DATABASE|DROP\\s+DATABASE)\\b", Pattern.CASE_INSENSITIVE);

    /** One imported version. */
    public record Imported(String revision, String version, String flywayFile, Path file, boolean written,
            boolean transactional, boolean reversible) {}

    /**
     * @param skipped files found but not imported, each with the reason (repeatables, callbacks, other names)
     * @param warnings what the user should look at (placeholders, gaps between the history and the files)
     * @param flywayVersion the highest successful version in {@code flyway_schema_history}, or null when not read
     * @param stamped the stamp made, or null
     */
    public record Report(List<Imported> imported, List<String> skipped, List<String> warnings, String flywayVersion,
            String stampRevision, StampResult stamped) {}

    private FlywayImport() {}

    public static Report run(Workspace workspace, Path directory, boolean stamp, String historyTable) {
        if (!Files.isDirectory(directory)) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "import flyway: " + directory + " is not a directory. "
                    + "Give the folder that holds the V<version>__<description>.sql files.");
        }
        if (stamp && !workspace.hasDatabase()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "import flyway --stamp needs the database whose "
                    + "flyway_schema_history says what is applied: give --url (or MIGRATOR_URL).");
        }
        List<String> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TreeMap<List<BigInteger>, FlywayScript> versioned = new TreeMap<>(FlywayScript::compare);
        Map<List<BigInteger>, FlywayScript> undo = new TreeMap<>(FlywayScript::compare);
        for (Path file : sqlFiles(directory)) {
            FlywayScript script = FlywayScript.parse(file);
            String relative = directory.relativize(file).toString();
            if (script == null) {
                skipped.add(relative + ": not a Flyway migration name (V<version>__<description>.sql); a callback or "
                        + "another script, not imported");
            } else if (script.kind() == FlywayScript.Kind.REPEATABLE) {
                skipped.add(relative + ": repeatable migration (R__), not imported: Migrator has no repeatables; turn it "
                        + "into a revision (e.g. CREATE OR REPLACE in a new revision) when it changes");
            } else {
                Map<List<BigInteger>, FlywayScript> into = script.kind() == FlywayScript.Kind.VERSIONED ? versioned : undo;
                FlywayScript previous = into.put(script.version(), script);
                if (previous != null) {
                    throw new MigratorException(ErrorCode.GRAPH_INVALID, "import flyway: version " + script.versionText()
                            + " is given twice: " + previous.file() + " and " + file + ". Flyway refuses this too; remove one.");
                }
            }
        }
        for (FlywayScript orphan : undo.values()) {
            if (!versioned.containsKey(orphan.version())) {
                skipped.add(orphan.fileName() + ": undo script of a version that has no V script, not imported");
            }
        }
        Path target = workspace.sources().newRevisionDirectory();
        List<Imported> imported = new ArrayList<>();
        String previous = null;
        for (FlywayScript script : versioned.values()) {
            imported.add(write(script, undo.get(script.version()), previous, target, warnings));
            previous = script.revisionId();
        }
        String flywayVersion = null;
        String stampRevision = null;
        StampResult stamped = null;
        if (workspace.hasDatabase() && !imported.isEmpty()) {
            FlywayHistory history = FlywayHistory.read(workspace.config(), historyTable);
            if (history.highest() != null) {
                flywayVersion = history.highest();
                FlywayScript match = versioned.get(FlywayScript.parseVersion(history.highest()));
                if (match == null) {
                    warnings.add(historyTable + " says version " + history.highest() + " is applied, but " + directory
                            + " has no V" + history.highest() + "__ script: nothing to stamp.");
                } else {
                    stampRevision = match.revisionId();
                    for (FlywayScript script : versioned.headMap(match.version(), false).values()) {
                        if (!history.succeeded().contains(script.versionText())) {
                            warnings.add(script.fileName() + " lies below the applied version " + flywayVersion + " but has "
                                    + "no successful row in " + historyTable + ": stamping marks it applied. Check it was run.");
                        }
                    }
                }
            }
            if (stamp && stampRevision != null) {
                try (Workspace reloaded = new Workspace(workspace.config(), workspace.layout(), List.of())) {
                    stamped = reloaded.migrator().stamp(stampRevision);
                }
            }
        }
        return new Report(imported, skipped, warnings, flywayVersion, stampRevision, stamped);
    }

    private static Imported write(FlywayScript script, FlywayScript undo, String previous, Path target, List<String> warnings) {
        String id = script.revisionId();
        if (!RevisionIds.isValidId(id)) {
            throw new MigratorException(ErrorCode.REVISION_MALFORMED, "import flyway: " + script.file() + ": version "
                    + script.versionText() + " gives the id " + id + ", longer than 64 characters.");
        }
        String body = read(script.file());
        String downgrade = undo == null ? null : read(undo.file());
        if (body.contains("${")) {
            warnings.add(script.fileName() + " uses Flyway placeholders (${...}); Migrator does not replace them: write the values in.");
        }
        boolean transactional = executeInTransaction(script.file()) && !NON_TRANSACTIONAL.matcher(stripComments(body)).find();
        String message = script.description() + " (imported from Flyway " + script.fileName() + ")";
        RevisionTemplate template = new RevisionTemplate(id, previous == null ? List.of() : List.of(previous), message,
                java.util.Set.of(), List.of(), Phase.EXPAND, transactional, body, downgrade,
                undo == null ? "imported from Flyway, which had no undo script for version " + script.versionText() : null);
        // named after the description alone: the message's "(imported from ...)" would only lengthen the name
        Path file = target.resolve(id + "_" + RevisionTemplate.slug(script.description()) + ".sql");
        String text = template.sql();
        boolean written;
        try {
            if (Files.exists(file)) {
                if (!Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                    throw new MigratorException(ErrorCode.LOCATION_INVALID, "import flyway: " + file + " exists and differs from "
                            + "what importing " + script.fileName() + " writes. It was edited after an earlier import: move it "
                            + "away to import again, or leave it as it is.");
                }
                written = false;
            } else {
                Files.createDirectories(target);
                Files.writeString(file, text, StandardCharsets.UTF_8);
                written = true;
            }
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "import flyway: cannot write " + file + ": " + e, e);
        }
        return new Imported(id, script.versionText(), script.fileName(), file, written, transactional, undo != null);
    }

    /** Flyway's per-script configuration, {@code V1__x.sql.conf}: {@code executeInTransaction=false}. */
    private static boolean executeInTransaction(Path script) {
        Path conf = script.resolveSibling(script.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return true;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(conf, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "import flyway: cannot read " + conf + ": " + e, e);
        }
        return !"false".equalsIgnoreCase(properties.getProperty("executeInTransaction", "true").strip());
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").toUpperCase(Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "import flyway: cannot read " + file + ": " + e, e);
        }
    }

    private static List<Path> sqlFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "import flyway: cannot list " + directory + ": " + e, e);
        }
    }
}
