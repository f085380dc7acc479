package dev.migrator.autoconfigure;

import dev.migrator.ContractPolicy;
import dev.migrator.MigratorConfiguration;
import dev.migrator.UnknownRevisionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code migrator.*} properties. Defaults are the core's defaults ({@link MigratorConfiguration});
 * a test keeps them equal.
 */
@ConfigurationProperties("migrator")
public class MigratorProperties {

    /** Whether to auto-configure Migrator and run it at startup. */
    private boolean enabled = true;

    /**
     * Where revisions are found: "classpath:" or "filesystem:" prefixed paths (a bare path means
     * classpath). A classpath location also scans the package of the same name for Java revisions.
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

    /** Schema of Migrator's own tables. Defaults to the connection's current schema. */
    private @Nullable String schema;

    /** Prefix of Migrator's table names (version and history tables). */
    private String tablePrefix = "migrator_";

    /** Target of the startup upgrade, for example "heads", "head", "accounts@head" or a revision id. */
    private String target = "heads";

    /**
     * What an upgrade does with contract-phase revisions: "defer" leaves each of them, and every
     * revision that needs one, pending until a release sets "apply" (everything else runs); "apply"
     * runs them like any other.
     */
    private ContractPolicy contract = ContractPolicy.DEFER;

    /**
     * How long one statement may wait for a table lock before the revision is rolled back and retried
     * (PostgreSQL lock_timeout).
     */
    private Duration lockTimeout = Duration.ofSeconds(5);

    /** Maximum run time of one statement (PostgreSQL statement_timeout); 0 means no limit. */
    private Duration statementTimeout = Duration.ZERO;

    /** How many times a revision that hit the lock timeout is retried, with backoff and jitter. */
    private int lockRetries = 5;

    /** How long an instance waits for another instance's migration run to finish. */
    private Duration advisoryLockWait = Duration.ofMinutes(10);

    /** Whether a changed checksum of an applied revision fails validation. */
    private boolean validateChecksums = true;

    /**
     * What to do when the database holds revisions the code does not know (an older release running
     * against a newer schema): "warn" logs and carries on, "fail" stops.
     */
    private UnknownRevisionPolicy onUnknownRevision = UnknownRevisionPolicy.WARN;

    /**
     * JDBC URL of a dedicated connection for migrations. When unset, the application's DataSource (or a
     * {@code @MigratorDataSource} bean) is used.
     */
    private @Nullable String url;

    /**
     * Login user for migrations. With "migrator.url" it completes that connection; without it, the
     * application's DataSource URL is used with these credentials.
     */
    private @Nullable String user;

    /** Login password for migrations. Never logged. */
    private @Nullable String password;

    /**
     * How often startup retries to connect when the database does not accept connections yet (refused,
     * unreachable, starting up), waiting 1s, 2s, 4s... up to "migrator.connect-retries-interval"; each wait
     * is logged at INFO with the host. 0 fails at once.
     */
    private int connectRetries = 0;

    /** The longest wait between two connection attempts at startup. */
    private Duration connectRetriesInterval = Duration.ofSeconds(120);

    /**
     * Revision (id or target) an existing schema corresponds to. When the schema already holds tables but
     * no Migrator state, startup stamps it (recorded in the history) and upgrades from there.
     */
    private @Nullable String baseline;

    /**
     * Whether startup fails when the locations hold no revision at all (a wrong "migrator.locations");
     * false logs a warning instead.
     */
    private boolean failOnMissingLocations = true;

    /**
     * For one start: "<revision id or all>: <reason>" records the current checksum of applied revisions
     * whose file was edited on purpose, with a history row saying who, when and why. Remove it afterwards.
     */
    private @Nullable String acceptChecksumChange;

    /**
     * How long the endpoint, health and metrics wait for a read of the migration state (getting a
     * connection and each query) before answering UNKNOWN with the last state read.
     */
    private Duration statusTimeout = Duration.ofSeconds(2);

    /**
     * The safety analysis of the revisions about to be applied at startup (docs/safety-rules.md): "warn" logs
     * one WARN per finding before migrating, "fail" refuses to start (before migrating) on an unsuppressed
     * error-level finding, "off" skips it.
     */
    private SafetyMode safety = SafetyMode.WARN;

    private final Startup startup = new Startup();

    private final Checks checks = new Checks();

    /**
     * Applies the engine settings to {@code configuration}; the connection is chosen separately. Public for
     * tools that configure Migrator as the starter does (migrator-test's Spring set-up).
     */
    public void applyTo(MigratorConfiguration configuration) {
        configuration.locations(locations)
                .schema(schema)
                .tablePrefix(tablePrefix)
                .contract(contract)
                .lockTimeout(lockTimeout)
                .statementTimeout(statementTimeout)
                .lockRetries(lockRetries)
                .advisoryLockWait(advisoryLockWait)
                .validateChecksums(validateChecksums)
                .onUnknownRevision(onUnknownRevision)
                .checkTimeout(checks.getTimeout())
                .connectRetries(connectRetries)
                .connectRetriesInterval(connectRetriesInterval)
                .baseline(baseline)
                .readTimeout(statusTimeout);
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<String> getLocations() { return locations; }
    public void setLocations(List<String> locations) { this.locations = locations; }
    public @Nullable String getSchema() { return schema; }
    public void setSchema(@Nullable String schema) { this.schema = schema; }
    public String getTablePrefix() { return tablePrefix; }
    public void setTablePrefix(String tablePrefix) { this.tablePrefix = tablePrefix; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public ContractPolicy getContract() { return contract; }
    public void setContract(ContractPolicy contract) { this.contract = contract; }
    public Duration getLockTimeout() { return lockTimeout; }
    public void setLockTimeout(Duration lockTimeout) { this.lockTimeout = lockTimeout; }
    public Duration getStatementTimeout() { return statementTimeout; }
    public void setStatementTimeout(Duration statementTimeout) { this.statementTimeout = statementTimeout; }
    public int getLockRetries() { return lockRetries; }
    public void setLockRetries(int lockRetries) { this.lockRetries = lockRetries; }
    public Duration getAdvisoryLockWait() { return advisoryLockWait; }
    public void setAdvisoryLockWait(Duration advisoryLockWait) { this.advisoryLockWait = advisoryLockWait; }
    public boolean isValidateChecksums() { return validateChecksums; }
    public void setValidateChecksums(boolean validateChecksums) { this.validateChecksums = validateChecksums; }
    public UnknownRevisionPolicy getOnUnknownRevision() { return onUnknownRevision; }
    public void setOnUnknownRevision(UnknownRevisionPolicy onUnknownRevision) { this.onUnknownRevision = onUnknownRevision; }
    public @Nullable String getUrl() { return url; }
    public void setUrl(@Nullable String url) { this.url = url; }
    public @Nullable String getUser() { return user; }
    public void setUser(@Nullable String user) { this.user = user; }
    public @Nullable String getPassword() { return password; }
    public void setPassword(@Nullable String password) { this.password = password; }
    public int getConnectRetries() { return connectRetries; }
    public void setConnectRetries(int connectRetries) { this.connectRetries = connectRetries; }
    public Duration getConnectRetriesInterval() { return connectRetriesInterval; }
    public void setConnectRetriesInterval(Duration connectRetriesInterval) { this.connectRetriesInterval = connectRetriesInterval; }
    public @Nullable String getBaseline() { return baseline; }
    public void setBaseline(@Nullable String baseline) { this.baseline = baseline; }
    public boolean isFailOnMissingLocations() { return failOnMissingLocations; }
    public void setFailOnMissingLocations(boolean failOnMissingLocations) { this.failOnMissingLocations = failOnMissingLocations; }
    public @Nullable String getAcceptChecksumChange() { return acceptChecksumChange; }
    public void setAcceptChecksumChange(@Nullable String acceptChecksumChange) { this.acceptChecksumChange = acceptChecksumChange; }
    public Duration getStatusTimeout() { return statusTimeout; }
    public void setStatusTimeout(Duration statusTimeout) { this.statusTimeout = statusTimeout; }
    public SafetyMode getSafety() { return safety; }
    public void setSafety(SafetyMode safety) { this.safety = safety; }
    public Startup getStartup() { return startup; }
    public Checks getChecks() { return checks; }

    /** {@code migrator.startup.*}: what happens when the application starts. */
    public static class Startup {

        /**
         * What to do at startup: "upgrade" applies pending revisions up to "migrator.target",
         * "validate" fails startup when revisions are pending (the database is not touched), "none"
         * does nothing.
         */
        private StartupAction action = StartupAction.UPGRADE;

        /**
         * Whether to migrate on a background thread once the application is up, with readiness
         * REFUSING_TRAFFIC until the run succeeded. When false, migrations run before the web server
         * and before anything that uses the database.
         */
        private boolean async = false;

        /**
         * Whether the synchronous startup migration runs on a thread of its own, started as soon as the
         * Migrator exists, while the context goes on creating the beans that do not need the database. The
         * start still waits for it before any bean that depends on database initialization, before the web
         * server accepts connections and before readiness. Off by default: a bean that reads the database while it
         * is created without declaring it (plain DataSource JDBC without @DependsOnDatabaseInitialization)
         * would race with the run. When false, it runs on the main thread.
         */
        private boolean concurrent = false;

        public StartupAction getAction() { return action; }
        public void setAction(StartupAction action) { this.action = action; }
        public boolean isAsync() { return async; }
        public void setAsync(boolean async) { this.async = async; }
        public boolean isConcurrent() { return concurrent; }
        public void setConcurrent(boolean concurrent) { this.concurrent = concurrent; }
    }

    /** {@code migrator.checks.*}: the post-deploy checks. */
    public static class Checks {

        /** Whether post-deploy checks (verify queries, drift, INVALID indexes) are evaluated. */
        private boolean enabled = true;

        /** How long the result of the checks is reused before a request evaluates them again. */
        private Duration cacheTtl = Duration.ofSeconds(30);

        /** How long each check may run before it is cancelled and reported FAILED (timed out). */
        private Duration timeout = Duration.ofSeconds(10);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getCacheTtl() { return cacheTtl; }
        public void setCacheTtl(Duration cacheTtl) { this.cacheTtl = cacheTtl; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
    }
}
