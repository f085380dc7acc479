package dev.migrator;

import dev.migrator.event.MigrationListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Fluent configuration of a {@link Migrator}; {@link #load()} validates it, loads the revisions and
 * returns the engine. The defaults here are the product's defaults (the Spring Boot properties
 * default to the same values).
 */
public final class MigratorConfiguration {

    public static final List<String> DEFAULT_LOCATIONS = List.of("classpath:db/migrations");
    public static final String DEFAULT_TABLE_PREFIX = "migrator_";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ZERO;
    public static final int DEFAULT_LOCK_RETRIES = 5;
    public static final Duration DEFAULT_ADVISORY_LOCK_WAIT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_CONNECT_RETRIES = 0;
    public static final Duration DEFAULT_CONNECT_RETRIES_INTERVAL = Duration.ofSeconds(120);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ZERO;

    private DataSource dataSource;
    private String url;
    private String user;
    private String password;
    private List<String> locations = DEFAULT_LOCATIONS;
    private String schema;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
    private int lockRetries = DEFAULT_LOCK_RETRIES;
    private Duration advisoryLockWait = DEFAULT_ADVISORY_LOCK_WAIT;
    private Duration checkTimeout = DEFAULT_CHECK_TIMEOUT;
    private int connectRetries = DEFAULT_CONNECT_RETRIES;
    private Duration connectRetriesInterval = DEFAULT_CONNECT_RETRIES_INTERVAL;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private String baseline;
    private boolean validateChecksums = true;
    private UnknownRevisionPolicy onUnknownRevision = UnknownRevisionPolicy.WARN;
    private ContractPolicy contract = ContractPolicy.DEFER;
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private final List<Migration> migrations = new ArrayList<>();
    private final List<MigrationListener> listeners = new ArrayList<>();

    MigratorConfiguration() {}

    /** Where migrations run. Connections are taken per run and returned when it ends. */
    public MigratorConfiguration dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /** A JDBC URL instead of a DataSource. The password is never logged. */
    public MigratorConfiguration url(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        return this;
    }

    /** {@code classpath:} or {@code filesystem:} locations; a bare path means {@code classpath:}. */
    public MigratorConfiguration locations(String... locations) {
        return locations(List.of(locations));
    }

    public MigratorConfiguration locations(List<String> locations) {
        this.locations = List.copyOf(locations);
        return this;
    }

    /** Schema of Migrator's own tables; null means the connection's current schema. */
    public MigratorConfiguration schema(String schema) {
        this.schema = schema;
        return this;
    }

    public MigratorConfiguration tablePrefix(String tablePrefix) {
        this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
        return this;
    }

    /** How long one statement may wait for a lock before the revision is rolled back and retried. */
    public MigratorConfiguration lockTimeout(Duration lockTimeout) {
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        return this;
    }

    /** Zero means no statement timeout. */
    public MigratorConfiguration statementTimeout(Duration statementTimeout) {
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        return this;
    }

    /** How often a revision that hit the lock timeout is retried. */
    public MigratorConfiguration lockRetries(int lockRetries) {
        this.lockRetries = lockRetries;
        return this;
    }

    /** How long an instance waits for another instance's run to finish. */
    public MigratorConfiguration advisoryLockWait(Duration advisoryLockWait) {
        this.advisoryLockWait = Objects.requireNonNull(advisoryLockWait, "advisoryLockWait");
        return this;
    }

    /**
     * How long each post-deploy check may run ({@link Migrator#verify()}, {@link Migrator#check}); one
     * that runs longer is cancelled and FAILED "timed out". A verify query over a large table may need more.
     */
    public MigratorConfiguration checkTimeout(Duration checkTimeout) {
        this.checkTimeout = Objects.requireNonNull(checkTimeout, "checkTimeout");
        return this;
    }

    /**
     * How often a command retries to connect when the database does not accept connections yet (refused,
     * starting up, unreachable), as Flyway's {@code connectRetries}: waits of 1 s, 2 s, 4 s… capped at
     * {@link #connectRetriesInterval}, each logged at INFO with the host. 0 (the default) fails at once.
     * Status reads ({@link Migrator#status()}, {@code current}, {@code log}, {@code show}) never wait.
     */
    public MigratorConfiguration connectRetries(int connectRetries) {
        this.connectRetries = connectRetries;
        return this;
    }

    /** The longest wait between two connection attempts (see {@link #connectRetries}). */
    public MigratorConfiguration connectRetriesInterval(Duration connectRetriesInterval) {
        this.connectRetriesInterval = Objects.requireNonNull(connectRetriesInterval, "connectRetriesInterval");
        return this;
    }

    /**
     * Bounds every network read of a status read ({@link Migrator#status()}, {@code current}, {@code log},
     * {@code show}, and the state the post-deploy checks start from): a database that stops answering
     * fails the read after this long instead of holding it until TCP gives up. Zero (the default) means
     * no bound. Getting the connection is the DataSource's business (the Spring Boot starter bounds the
     * whole read for its status view).
     */
    public MigratorConfiguration readTimeout(Duration readTimeout) {
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        return this;
    }

    /**
     * Adopts an existing schema: when an {@link Migrator#upgrade upgrade} finds no Migrator state (no
     * version row and no successful history row) in a schema that already holds tables, it first stamps
     * {@code target} (a revision id or any target; recorded as stamp rows in the history) and upgrades
     * from there. An empty schema is upgraded from base as usual; null (the default) never stamps.
     */
    public MigratorConfiguration baseline(String target) {
        this.baseline = target;
        return this;
    }

    public MigratorConfiguration validateChecksums(boolean validateChecksums) {
        this.validateChecksums = validateChecksums;
        return this;
    }

    public MigratorConfiguration onUnknownRevision(UnknownRevisionPolicy policy) {
        this.onUnknownRevision = Objects.requireNonNull(policy, "policy");
        return this;
    }

    public MigratorConfiguration contract(ContractPolicy contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
        return this;
    }

    /** Where {@code classpath:} locations and Java revisions are looked up. */
    public MigratorConfiguration classLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /** Java migrations given as instances (for example Spring beans), in addition to those found in locations. */
    public MigratorConfiguration migrations(Migration... migrations) {
        this.migrations.addAll(List.of(migrations));
        return this;
    }

    public MigratorConfiguration listeners(MigrationListener... listeners) {
        this.listeners.addAll(List.of(listeners));
        return this;
    }

    public DataSource getDataSource() { return dataSource; }
    public String getUrl() { return url; }
    public String getUser() { return user; }
    /** For the engine only; never print it. */
    String getPassword() { return password; }
    public List<String> getLocations() { return locations; }
    public String getSchema() { return schema; }
    public String getTablePrefix() { return tablePrefix; }
    public Duration getLockTimeout() { return lockTimeout; }
    public Duration getStatementTimeout() { return statementTimeout; }
    public int getLockRetries() { return lockRetries; }
    public Duration getAdvisoryLockWait() { return advisoryLockWait; }
    public Duration getCheckTimeout() { return checkTimeout; }
    public int getConnectRetries() { return connectRetries; }
    public Duration getConnectRetriesInterval() { return connectRetriesInterval; }
    public Duration getReadTimeout() { return readTimeout; }
    public String getBaseline() { return baseline; }
    public boolean isValidateChecksums() { return validateChecksums; }
    public UnknownRevisionPolicy getOnUnknownRevision() { return onUnknownRevision; }
    public ContractPolicy getContract() { return contract; }
    public ClassLoader getClassLoader() { return classLoader; }
    public List<Migration> getMigrations() { return List.copyOf(migrations); }
    public List<MigrationListener> getListeners() { return List.copyOf(listeners); }

    /**
     * Validates the configuration, loads and checks the revisions (no statement runs) and returns the engine.
     * With a URL, the first connection opens on a background thread meanwhile, for the command that follows;
     * a failure to connect is reported by that command, never here (docs/getting-started.md).
     */
    public Migrator load() {
        return Migrator.load(this, true);
    }

    /**
     * Like {@link #load()}, but a database is optional: without one, what reads only the code works
     * ({@code heads}, {@code branches}, {@code history}, {@code revisions}, {@code resolve}
     * and the offline scripts), and a command that needs the database fails with
     * {@link ErrorCode#CONFIGURATION_INVALID}. For tools (a command line, a build plugin) that serve both.
     * Nothing connects early: a configured database is connected to when a command needs it.
     */
    public Migrator loadRevisions() {
        return Migrator.load(this, false);
    }
}
