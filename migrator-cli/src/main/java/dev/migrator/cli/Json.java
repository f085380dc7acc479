package dev.migrator.cli;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus;
import dev.migrator.Phase;
import dev.migrator.result.RevisionDetails;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.StampResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.result.ValidationResult;
import dev.migrator.result.VerifyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code --json} forms of the results, with the field names of the actuator endpoint (docs/cli.md):
 * camelCase, ids as strings, phases and directions in lower case, times ISO-8601, durations in milliseconds.
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static String write(Object value) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    /** A revision; {@code applied} is added when a database was read (null: none configured). */
    static Map<String, Object> revision(RevisionInfo r, Set<String> applied) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("revision", r.revision());
        map.put("message", r.message());
        map.put("revises", r.revises());
        map.put("branchLabels", List.copyOf(new TreeSet<>(r.branchLabels())));
        map.put("dependsOn", r.dependsOn());
        map.put("phase", r.phase().label());
        map.put("transactional", r.transactional());
        map.put("source", r.source());
        map.put("checksum", r.checksum());
        map.put("irreversible", r.irreversible());
        if (applied != null) {
            map.put("applied", applied.contains(r.revision()));
        }
        return map;
    }

    static List<Map<String, Object>> revisions(List<RevisionInfo> revisions, Set<String> applied) {
        List<Map<String, Object>> list = new ArrayList<>();
        revisions.forEach(r -> list.add(revision(r, applied)));
        return list;
    }

    static Map<String, Object> details(RevisionInfo info, RevisionDetails details) {
        Map<String, Object> map = revision(info, null);
        map.put("applied", details == null ? null : details.applied());
        map.put("appliedAt", details == null ? null : text(details.appliedAt()));
        return map;
    }

    static Map<String, Object> status(MigratorStatus status) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("state", status.state().name());
        map.put("current", List.copyOf(new TreeSet<>(status.current())));
        map.put("heads", status.heads());
        map.put("pending", pending(status.pending()));
        map.put("applied", status.applied());
        return map;
    }

    static List<Map<String, Object>> pending(List<RevisionInfo> pending) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RevisionInfo r : pending) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("revision", r.revision());
            map.put("message", r.message());
            map.put("phase", r.phase().label());
            list.add(map);
        }
        return list;
    }

    static Map<String, Object> entry(HistoryEntry e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", e.id());
        map.put("revision", e.revision());
        map.put("revises", e.revises());
        map.put("direction", e.direction().label());
        map.put("message", e.message());
        map.put("phase", e.phase() == null ? null : e.phase().label());
        map.put("checksum", e.checksum());
        map.put("startedAt", text(e.startedAt()));
        map.put("finishedAt", text(e.finishedAt()));
        map.put("durationMs", e.durationMs());
        map.put("success", e.success());
        map.put("error", e.error());
        map.put("appliedBy", e.appliedBy());
        return map;
    }

    static Map<String, Object> migration(MigrationResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("direction", result.direction().label());
        map.put("before", List.copyOf(new TreeSet<>(result.before())));
        map.put("after", List.copyOf(new TreeSet<>(result.after())));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepResult step : result.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("revision", step.revision());
            s.put("direction", step.direction().label());
            s.put("message", step.message());
            s.put("durationMs", step.duration().toMillis());
            s.put("attempts", step.attempts());
            steps.add(s);
        }
        map.put("steps", steps);
        map.put("deferred", pending(result.deferred()));
        map.put("lockWaitMs", result.lockWait().toMillis());
        map.put("startedAt", text(result.startedAt()));
        map.put("finishedAt", text(result.finishedAt()));
        return map;
    }

    static Map<String, Object> stamp(StampResult result) {
        return Map.of("before", List.copyOf(new TreeSet<>(result.before())), "after", List.copyOf(new TreeSet<>(result.after())));
    }

    static Map<String, Object> validation(ValidationResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("state", result.state().name());
        map.put("current", List.copyOf(new TreeSet<>(result.current())));
        map.put("pending", pending(result.pending()));
        map.put("unknown", List.copyOf(new TreeSet<>(result.unknown())));
        return map;
    }

    static Map<String, Object> checks(VerifyResult result) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (CheckResult check : result.results()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", check.name());
            map.put("revision", check.revision());
            map.put("status", check.status().name());
            map.put("durationMs", check.duration().toMillis());
            map.put("detail", check.detail());
            results.add(map);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", result.passed() ? "PASSED" : "FAILED");
        map.put("failed", result.failed());
        map.put("total", result.results().size());
        map.put("results", results);
        return map;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
