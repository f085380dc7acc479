package dev.migrator.safety;

import dev.migrator.safety.Rule.Level;


import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code Migrator.analyze} works. Immutable; each method returns a changed copy:
 *
 * <pre>{@code
 * migrator.analyze("heads", SafetyOptions.defaults().smallTableRows(50_000));
 * migrator.analyze("heads", SafetyOptions.offline());        // no database access at all
 * migrator.analyze("heads", SafetyOptions.defaults().measured()); // also run on a scratch database
 * }</pre>
 */
public final class SafetyOptions {

    /** Below this many rows a lock or a scan is brief: size-dependent rules leave such tables alone. */
    public static final long DEFAULT_SMALL_TABLE_ROWS = 10_000;
    /** The oldest PostgreSQL Migrator supports, assumed offline when no server version is given. */
    public static final int DEFAULT_OFFLINE_SERVER_VERSION = 140000;

    private final boolean connected;
    private final boolean measured;
    private final long smallTableRows;
    private final Integer serverVersion;
    private final Map<Rule, Level> levels;
    private final java.util.Set<Rule> disabled;
    private final ScratchConnector scratch;

    private SafetyOptions(boolean connected, boolean measured, long smallTableRows, Integer serverVersion,
            Map<Rule, Level> levels, java.util.Set<Rule> disabled) {
        this(connected, measured, smallTableRows, serverVersion, levels, disabled, null);
    }

    private SafetyOptions(boolean connected, boolean measured, long smallTableRows, Integer serverVersion,
            Map<Rule, Level> levels, java.util.Set<Rule> disabled, ScratchConnector scratch) {
        this.scratch = scratch;
        this.connected = connected;
        this.measured = measured;
        this.smallTableRows = smallTableRows;
        this.serverVersion = serverVersion;
        this.levels = levels;
        this.disabled = disabled;
    }

    /** Reads the database: what is pending, the real size of every table, the server version and catalog. */
    public static SafetyOptions defaults() {
        return new SafetyOptions(true, false, DEFAULT_SMALL_TABLE_ROWS, null, Map.of(), java.util.Set.of());
    }

    /**
     * Never touches the database: every revision up to the target is analysed (as from base), and a table
     * created by an earlier revision is taken to be large (it is in production).
     */
    public static SafetyOptions offline() {
        return defaults().connected(false);
    }

    public SafetyOptions connected(boolean value) {
        if (!value && measured) {
            throw new IllegalArgumentException("a measured analysis needs the database: it cannot be offline");
        }
        return new SafetyOptions(value, measured, smallTableRows, serverVersion, levels, disabled, scratch);
    }

    /**
     * Also applies the pending revisions on a throwaway database on the same server (created, built by
     * upgrading from base, dropped) and records each statement's locks, rewrites and duration there. Needs a
     * user that may create databases.
     */
    public SafetyOptions measured() {
        if (!connected) {
            throw new IllegalArgumentException("a measured analysis needs the database: it cannot be offline");
        }
        return new SafetyOptions(true, true, smallTableRows, serverVersion, levels, disabled, scratch);
    }

    /**
     * {@link #measured()}, connecting to the scratch database through {@code connector} instead of through the
     * configured connection's URL and credentials.
     */
    public SafetyOptions measuredOn(ScratchConnector connector) {
        return new SafetyOptions(true, true, smallTableRows, serverVersion, levels, disabled,
                Objects.requireNonNull(connector, "connector"));
    }

    /** Tables with at most this many rows (by the real database's statistics) are small. */
    public SafetyOptions smallTableRows(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("smallTableRows must be 0 or more, was " + rows);
        }
        return new SafetyOptions(connected, measured, rows, serverVersion, levels, disabled, scratch);
    }

    /** The server version the rules assume, as {@code server_version_num} (e.g. {@code 110000}); overrides the server's. */
    public SafetyOptions serverVersion(int versionNum) {
        if (versionNum < 90000) {
            throw new IllegalArgumentException("serverVersion is server_version_num, e.g. 140000 for 14; was " + versionNum);
        }
        return new SafetyOptions(connected, measured, smallTableRows, versionNum, levels, disabled, scratch);
    }

    /** Reports {@code rule} at {@code level} instead of its default. */
    public SafetyOptions level(Rule rule, Level level) {
        Map<Rule, Level> copy = new EnumMap<>(Rule.class);
        copy.putAll(levels);
        copy.put(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(level, "level"));
        return new SafetyOptions(connected, measured, smallTableRows, serverVersion, Collections.unmodifiableMap(copy),
                disabled, scratch);
    }

    /** Does not check {@code rule} at all. */
    public SafetyOptions disable(Rule rule) {
        java.util.Set<Rule> copy = java.util.EnumSet.noneOf(Rule.class);
        copy.addAll(disabled);
        copy.add(Objects.requireNonNull(rule, "rule"));
        return new SafetyOptions(connected, measured, smallTableRows, serverVersion, levels,
                Collections.unmodifiableSet(copy), scratch);
    }

    public boolean isConnected() { return connected; }
    public boolean isMeasured() { return measured; }
    public long smallTableRows() { return smallTableRows; }
    /** The configured server version, or null to use the server's (or {@link #DEFAULT_OFFLINE_SERVER_VERSION} offline). */
    public Integer serverVersion() { return serverVersion; }

    /** The connector given to {@link #measuredOn}, or null for the configured connection's. */
    public ScratchConnector scratchConnector() {
        return scratch;
    }

    public Level levelOf(Rule rule) {
        return levels.getOrDefault(rule, rule.defaultLevel());
    }

    public boolean isEnabled(Rule rule) {
        return !disabled.contains(rule);
    }

    @Override
    public String toString() {
        return "SafetyOptions[connected=" + connected + ", measured=" + measured + ", smallTableRows=" + smallTableRows
                + ", serverVersion=" + serverVersion + ", levels=" + levels + ", disabled=" + disabled + "]";
    }
}
