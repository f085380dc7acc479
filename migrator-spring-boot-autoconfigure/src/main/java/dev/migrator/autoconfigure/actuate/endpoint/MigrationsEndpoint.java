package dev.migrator.autoconfigure.actuate.endpoint;

import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.StatusReading;
import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.result.MigratorStatus;
import dev.migrator.Phase;
import dev.migrator.result.RevisionDetails;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.MigratorStatus.RunSummary;
import dev.migrator.result.VerifyResult;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
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
    private final Clock clock = Clock.systemUTC();

    /** @param checks null when {@code migrator.checks.enabled=false} */
    public MigrationsEndpoint(Migrator migrator, MigrationStatusView status, @Nullable MigrationChecks checks) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.status = Objects.requireNonNull(status, "status");
        this.checks = checks;
    }

    /**
     * Where the database stands. When the database does not answer within {@code migrator.status-timeout}
     * the answer comes at once anyway: state {@code UNKNOWN}, with the last state read, its age and why.
     */
    @ReadOperation
    public WebEndpointResponse<Object> migrations() {
        // the checks, when due, are evaluated on the status read's connection right after it: one read per request
        MigrationStatusView.WithChecks read = checks == null ? new MigrationStatusView.WithChecks(status.read(), null)
                : status.read(current -> current.state() != MigrationState.MIGRATING);
        StatusReading reading = read.reading();
        if (reading instanceof StatusReading.Known known) {
            try {
                return new WebEndpointResponse<>(summary(known.status(), read.checks()));
            } catch (MigratorException e) {
                reading = new StatusReading.Unknown(known, e.getMessage());
            }
        }
        return new WebEndpointResponse<>(unknown((StatusReading.Unknown) reading));
    }

    /** {@code history}, {@code checks}, or a revision id; 503 with the reason when the database does not answer in time. */
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

    private Summary summary(MigratorStatus current, @Nullable CompletableFuture<VerifyResult> evaluation) {
        ChecksSummary checksSummary = null;
        if (checks != null) {
            // While a run is in progress the checks fail by definition (the version table is behind, an index
            // is being built): show the last evaluation rather than evaluate and log failures that are not.
            // An evaluation that takes longer than the status timeout goes on in the background and is cached.
            Optional<VerifyResult> result = current.state() == MigrationState.MIGRATING ? checks.cached()
                    : checks.current(status.timeout(), evaluation);
            checksSummary = result.map(r -> new ChecksSummary(status(r), r.failed(), r.results().size())).orElse(null);
        }
        // the newest run comes with the status, read in the same status read: no second connection
        LastRun lastRun = lastRun(current.lastRun());
        return new Summary(current.state().name(), sorted(current.current()), current.heads(), pending(current), lastRun,
                checksSummary);
    }

    private UnknownSummary unknown(StatusReading.Unknown unknown) {
        StatusReading.Known last = unknown.last();
        ChecksSummary checksSummary = checks == null ? null
                : checks.cached().map(r -> new ChecksSummary(status(r), r.failed(), r.results().size())).orElse(null);
        List<String> heads = migrator.heads().stream().map(RevisionInfo::revision).toList();
        if (last == null) {
            return new UnknownSummary("UNKNOWN", List.of(), heads, List.of(), null, checksSummary, null, null, null,
                    unknown.reason());
        }
        MigratorStatus known = last.status();
        return new UnknownSummary("UNKNOWN", sorted(known.current()), heads, pending(known), null, checksSummary,
                known.state().name(), last.readAt().toString(), last.age(clock.instant()).toSeconds(), unknown.reason());
    }

    private static List<Pending> pending(MigratorStatus status) {
        return status.pending().stream().map(r -> new Pending(r.revision(), r.message(), label(r.phase()))).toList();
    }

    private WebEndpointResponse<Object> history(@Nullable Integer limit) {
        int rows = limit == null ? DEFAULT_HISTORY_LIMIT : limit;
        if (rows < 1 || rows > MAX_HISTORY_LIMIT) {
            return new WebEndpointResponse<>(new Problem("limit must be between 1 and " + MAX_HISTORY_LIMIT, null),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        List<Entry> entries = status.bounded(() -> migrator.log(rows)).stream().map(MigrationsEndpoint::entry).toList();
        return new WebEndpointResponse<>(new History(entries));
    }

    private WebEndpointResponse<Object> checks() {
        if (checks == null) {
            return new WebEndpointResponse<>(new Problem("post-deploy checks are disabled (migrator.checks.enabled=false)", null),
                    WebEndpointResponse.STATUS_NOT_FOUND);
        }
        // asked for explicitly: evaluated even during a run, each check within migrator.checks.timeout, but
        // not started against a database that does not answer
        MigrationStatusView.WithChecks read = status.read(current -> true);
        VerifyResult result = read.reading() instanceof StatusReading.Unknown unknown
                ? MigrationChecks.notEvaluated(unknown.reason()) : checks.current(read.checks());
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
        RevisionDetails details = status.bounded(() -> migrator.show(known.get().revision()));
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

    /**
     * The answer when the database did not answer in time: {@code current} and {@code pending} as last
     * read (empty when never read), {@code lastState} and {@code lastReadAt} of that read and its age, and
     * why the state is unknown.
     */
    public record UnknownSummary(String state, List<String> current, List<String> heads, List<Pending> pending,
            @Nullable LastRun lastRun, @Nullable ChecksSummary checks, @Nullable String lastState,
            @Nullable String lastReadAt, @Nullable Long lastStateAgeSeconds, String error) {}

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
