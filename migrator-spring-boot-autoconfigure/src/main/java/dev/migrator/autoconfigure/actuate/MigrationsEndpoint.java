package dev.migrator.autoconfigure.actuate;

import dev.migrator.CheckResult;
import dev.migrator.HistoryEntry;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.MigratorStatus;
import dev.migrator.Phase;
import dev.migrator.RevisionDetails;
import dev.migrator.RevisionInfo;
import dev.migrator.RunSummary;
import dev.migrator.VerifyResult;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code /actuator/migrations}: where the database stands, its history, one revision, and the
 * post-deploy checks. Read-only; never shows connection settings. A revision id from the path is
 * only ever compared with the code's ids, never put into SQL.
 */
@WebEndpoint(id = "migrations")
public class MigrationsEndpoint {

    static final int DEFAULT_HISTORY_LIMIT = 50;
    static final int MAX_HISTORY_LIMIT = 1000;
    private static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final Migrator migrator;
    private final MigrationStatusView status;
    private final @Nullable MigrationChecks checks;

    /** @param checks null when {@code migrator.checks.enabled=false} */
    public MigrationsEndpoint(Migrator migrator, MigrationStatusView status, @Nullable MigrationChecks checks) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.status = Objects.requireNonNull(status, "status");
        this.checks = checks;
    }

    /** Where the database stands; 503 with the reason when it cannot be read (never a 500). */
    @ReadOperation
    public WebEndpointResponse<Object> migrations() {
        try {
            return new WebEndpointResponse<>(summary());
        } catch (MigratorException e) {
            return unavailable(e);
        }
    }

    /** {@code history}, {@code checks}, or a revision id. */
    @ReadOperation
    public WebEndpointResponse<Object> part(@Selector String part, @Nullable Integer limit) {
        try {
            if ("history".equals(part)) {
                return history(limit);
            }
            if ("checks".equals(part)) {
                return checks();
            }
            return revision(part);
        } catch (MigratorException e) {
            return unavailable(e);
        }
    }

    /** The engine's messages name what failed and never carry a password, so they are shown as they are. */
    private static WebEndpointResponse<Object> unavailable(MigratorException e) {
        return new WebEndpointResponse<>(new Problem("cannot read the migration state: " + e.getMessage(), null),
                WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
    }

    Summary summary() {
        MigratorStatus current = status.status();
        List<Pending> pending = current.pending().stream()
                .map(r -> new Pending(r.revision(), r.message(), label(r.phase()))).toList();
        ChecksSummary checksSummary = null;
        if (checks != null) {
            VerifyResult result = checks.current();
            checksSummary = new ChecksSummary(status(result), result.failed(), result.results().size());
        }
        return new Summary(current.state().name(), sorted(current.current()), current.heads(), pending,
                lastRun(migrator.lastRun()), checksSummary);
    }

    private WebEndpointResponse<Object> history(@Nullable Integer limit) {
        int rows = limit == null ? DEFAULT_HISTORY_LIMIT : limit;
        if (rows < 1 || rows > MAX_HISTORY_LIMIT) {
            return new WebEndpointResponse<>(new Problem("limit must be between 1 and " + MAX_HISTORY_LIMIT, null),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        List<Entry> entries = migrator.log(rows).stream().map(MigrationsEndpoint::entry).toList();
        return new WebEndpointResponse<>(new History(entries));
    }

    private WebEndpointResponse<Object> checks() {
        if (checks == null) {
            return new WebEndpointResponse<>(new Problem("post-deploy checks are disabled (migrator.checks.enabled=false)", null),
                    WebEndpointResponse.STATUS_NOT_FOUND);
        }
        VerifyResult result = checks.current();
        List<Check> results = result.results().stream()
                .map(r -> new Check(r.name(), r.revision(), r.status().name(), r.duration().toMillis(), r.detail())).toList();
        return new WebEndpointResponse<>(new Checks(status(result), results));
    }

    private WebEndpointResponse<Object> revision(String id) {
        Optional<RevisionInfo> known = REVISION_ID.matcher(id).matches()
                ? migrator.revisions().stream().filter(r -> r.revision().equals(id)).findFirst()
                : Optional.empty();
        if (known.isEmpty()) {
            return new WebEndpointResponse<>(new Problem("unknown revision", id), WebEndpointResponse.STATUS_NOT_FOUND);
        }
        RevisionDetails details = migrator.show(known.get().revision());
        RevisionInfo info = details.revision();
        return new WebEndpointResponse<>(new Revision(info.revision(), info.message(), info.revises(),
                List.copyOf(new TreeSet<>(info.branchLabels())), info.dependsOn(), label(info.phase()), info.source(),
                info.checksum(), details.applied(), text(details.appliedAt())));
    }

    /** The newest run: the history rows of one run id ({@link Migrator#lastRun()}). */
    static @Nullable LastRun lastRun(Optional<RunSummary> run) {
        return run.map(r -> new LastRun(text(r.startedAt()), text(r.finishedAt()), r.applied(), r.success())).orElse(null);
    }

    private static Entry entry(HistoryEntry e) {
        return new Entry(e.revision(), e.revises(), e.direction().label(), e.message(), label(e.phase()), e.checksum(),
                text(e.startedAt()), text(e.finishedAt()), e.finishedAt() == null ? null : e.durationMs(), e.success(),
                e.error(), e.appliedBy());
    }

    private static String status(VerifyResult result) {
        return result.passed() ? CheckResult.Status.PASSED.name() : CheckResult.Status.FAILED.name();
    }

    private static @Nullable String label(@Nullable Phase phase) {
        return phase == null ? null : phase.label();
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static List<String> sorted(java.util.Set<String> ids) {
        return new ArrayList<>(new TreeSet<>(ids));
    }

    public record Summary(String state, List<String> current, List<String> heads, List<Pending> pending,
            @Nullable LastRun lastRun, @Nullable ChecksSummary checks) {}

    public record Pending(String revision, String message, @Nullable String phase) {}

    public record LastRun(String startedAt, @Nullable String finishedAt, int applied, boolean success) {}

    public record ChecksSummary(String status, long failed, int total) {}

    public record History(List<Entry> entries) {}

    public record Entry(String revision, List<String> revises, String direction, @Nullable String message,
            @Nullable String phase, @Nullable String checksum, String startedAt, @Nullable String finishedAt,
            @Nullable Long durationMs, boolean success, @Nullable String error, @Nullable String appliedBy) {}

    public record Revision(String revision, String message, List<String> revises, List<String> branchLabels,
            List<String> dependsOn, @Nullable String phase, String source, @Nullable String checksum, boolean applied,
            @Nullable String appliedAt) {}

    public record Checks(String status, List<Check> results) {}

    public record Check(String name, @Nullable String revision, String status, long durationMs, String detail) {}

    /** The body of a 4xx answer. */
    public record Problem(String error, @Nullable String revision) {}
}
