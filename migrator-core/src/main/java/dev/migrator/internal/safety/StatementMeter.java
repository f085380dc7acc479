package dev.migrator.internal.safety;

import dev.migrator.safety.SafetyReport.StatementMeasurement;

import dev.migrator.internal.safety.LockSnapshot.Lock;
import dev.migrator.internal.safety.LockSnapshot.Relation;
import dev.migrator.safety.SafetyReport.StatementMeasurement.RelationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs statements on the scratch database and measures each: the locks it acquired (its own backend's
 * {@code pg_locks}, diffed around it inside its transaction), the relations it rewrote, and its duration;
 * then looks the locked relations up in the real database's statistics.
 */
final class StatementMeter {

    /** One statement to run: SQL with its JDBC parameters. */
    record Sql(String text, List<Object> params) {}

    private final Connection connection;
    private final int pid;
    private final DatabaseFacts facts;

    StatementMeter(Connection connection, DatabaseFacts facts) throws SQLException {
        this.connection = connection;
        this.pid = LockSnapshot.pid(connection);
        this.facts = facts;
        try (Statement s = connection.createStatement()) {
            s.execute("SET lock_timeout = '30s'"); // nobody else works on the scratch database: bound any wait anyway
        }
    }

    Connection connection() {
        return connection;
    }

    /** Runs {@code statements} in the open transaction and measures them as one unit. */
    Measured inTransaction(List<Sql> statements) throws SQLException {
        LockSnapshot before = LockSnapshot.take(connection, pid);
        long start = System.nanoTime();
        for (Sql sql : statements) {
            execute(connection, sql);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        LockSnapshot after = LockSnapshot.take(connection, pid);
        Set<Lock> acquired = new HashSet<>(after.locks());
        acquired.removeAll(before.locks());
        List<Relation> rewritten = LockSnapshot.rewritten(before.relations(), after.relations());
        List<RelationLock> locks = locks(acquired, before.relations(), after.relations(), false);
        // A relation rewritten under a lock an earlier statement of the transaction took: that lock is this
        // statement's too, though the diff cannot see it.
        Set<Lock> held = new HashSet<>();
        for (Lock lock : before.locks()) {
            Relation relation = before.relations().get(lock.relation());
            boolean rewrittenHere = rewritten.stream().anyMatch(r -> r.oid() == lock.relation());
            if (relation != null && rewrittenHere && locks.stream().noneMatch(l -> l.relation().equals(relation.name()))) {
                held.add(lock);
            }
        }
        List<RelationLock> all = new ArrayList<>(locks);
        all.addAll(locks(held, before.relations(), after.relations(), true));
        all.sort(ORDER);
        return new Measured(all, true, rewritten, duration);
    }

    /**
     * Runs a statement that refuses a transaction block in autocommit: its locks are observed through a
     * {@link ConcurrentLockProbe} when {@code blockTable} names its table, otherwise not at all.
     */
    Measured outsideTransaction(Sql sql, String blockTable, Connection writer) throws SQLException {
        Map<Long, Relation> before = LockSnapshot.relations(connection);
        Set<Lock> observed = null;
        long start = System.nanoTime();
        if (blockTable != null && sql.params().isEmpty()) {
            observed = ConcurrentLockProbe.run(connection, writer, sql.text(), blockTable);
        } else {
            execute(connection, sql);
        }
        Duration duration = observed != null ? null : Duration.ofNanos(System.nanoTime() - start);
        Map<Long, Relation> after = LockSnapshot.relations(connection);
        List<RelationLock> locks = observed == null ? List.of() : locks(observed, before, after, false);
        return new Measured(locks, observed != null, LockSnapshot.rewritten(before, after), duration);
    }

    /** What a unit did, before its place in the revision is known. */
    record Measured(List<RelationLock> locks, boolean observed, List<Relation> rewritten, Duration duration) {
        /** Two statements of one operation, as one measurement. */
        Measured plus(Measured other) {
            List<RelationLock> allLocks = new ArrayList<>(locks);
            allLocks.addAll(other.locks);
            List<Relation> allRewritten = new ArrayList<>(rewritten);
            allRewritten.addAll(other.rewritten);
            Duration total = duration == null || other.duration == null ? null : duration.plus(other.duration);
            return new Measured(allLocks, observed && other.observed, allRewritten, total);
        }

        StatementMeasurement at(Unit unit, AnalysedRevision revision) {
            return new StatementMeasurement(revision.id(), revision.revision().source(), unit.line(), unit.index(),
                    unit.abbreviated(), locks, observed, rewritten.stream().map(Relation::name).toList(), duration);
        }
    }

    private static final Comparator<RelationLock> ORDER = Comparator
            .comparingInt((RelationLock l) -> -LockSnapshot.strength(toMode(l.mode()))).thenComparing(RelationLock::relation);

    private List<RelationLock> locks(Set<Lock> acquired, Map<Long, Relation> before, Map<Long, Relation> after,
            boolean held) {
        Map<Long, String> strongest = new HashMap<>();
        for (Lock lock : acquired) {
            strongest.merge(lock.relation(), lock.mode(),
                    (a, b) -> LockSnapshot.strength(a) >= LockSnapshot.strength(b) ? a : b);
        }
        List<RelationLock> locks = new ArrayList<>();
        strongest.forEach((oid, mode) -> {
            Relation relation = after.containsKey(oid) ? after.get(oid) : before.get(oid);
            if (relation == null) {
                return; // created and dropped within the statement
            }
            boolean created = !before.containsKey(oid);
            DatabaseFacts.Stats stats = created ? null : facts.stats(RelationName.literal(relation.name()));
            locks.add(new RelationLock(relation.name(), relation.kindName(), LockSnapshot.modeName(mode), created, held,
                    stats == null ? null : stats.rows(), stats == null ? null : stats.bytes()));
        });
        locks.sort(ORDER);
        return locks;
    }

    private static String toMode(String name) {
        StringBuilder mode = new StringBuilder();
        for (String word : name.toLowerCase(java.util.Locale.ROOT).split(" ")) {
            mode.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return mode.append("Lock").toString();
    }

    static void execute(Connection connection, Sql sql) throws SQLException {
        if (sql.params().isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql.text());
            }
        } else {
            try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
                for (int i = 0; i < sql.params().size(); i++) {
                    statement.setObject(i + 1, sql.params().get(i));
                }
                statement.execute();
            }
        }
    }
}
