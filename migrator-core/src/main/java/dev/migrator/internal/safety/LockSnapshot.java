package dev.migrator.internal.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user relations of the scratch database with their storage ({@code relfilenode}), and the relation
 * locks one backend holds, at one instant. Two snapshots around a statement tell what it locked (locks held
 * after and not before: inside a transaction nothing is released before commit) and what it rewrote
 * (relations whose {@code relfilenode} changed). System catalogs (oid below 16384) and TOAST relations are left
 * out: every DDL statement locks the catalogs, a rewrite replaces the TOAST table with its table, and neither says
 * anything the application's own relations do not.
 */
record LockSnapshot(Map<Long, Relation> relations, Set<Lock> locks) {

    record Relation(long oid, String name, char kind, long filenode) {
        String kindName() {
            return switch (kind) {
                case 'i' -> "index";
                case 'm' -> "materialized view";
                case 'p' -> "partitioned table";
                default -> "table";
            };
        }
    }

    record Lock(long relation, String mode) {}

    private static final String RELATIONS = "SELECT c.oid::bigint, n.nspname, c.relname, c.relkind, c.relfilenode::bigint, "
            + "n.nspname = current_schema() FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'i', 'm') AND n.nspname NOT LIKE 'pg\\_toast%'";
    private static final String LOCKS = "SELECT relation::bigint, mode FROM pg_locks WHERE pid = ? AND locktype = 'relation' "
            + "AND granted AND relation >= 16384";

    static LockSnapshot take(Connection connection, int pid) throws SQLException {
        return new LockSnapshot(relations(connection), locks(connection, pid, true));
    }

    static Map<Long, Relation> relations(Connection connection) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(RELATIONS)) {
            while (rs.next()) {
                String name = rs.getBoolean(6) ? rs.getString(3) : rs.getString(2) + "." + rs.getString(3);
                relations.put(rs.getLong(1), new Relation(rs.getLong(1), name, rs.getString(4).charAt(0), rs.getLong(5)));
            }
        }
        return relations;
    }

    /** The granted relation locks of backend {@code pid}. */
    static Set<Lock> locks(Connection connection, int pid, boolean grantedOnly) throws SQLException {
        Set<Lock> locks = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement(grantedOnly ? LOCKS : LOCKS.replace("AND granted ", ""))) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    locks.add(new Lock(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return locks;
    }

    /** Whether backend {@code pid} is waiting for any lock (a relation, a transaction, a virtual transaction). */
    static boolean waiting(Connection connection, int pid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE pid = ? AND NOT granted")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    static int pid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The relations whose storage differs in {@code after}. */
    static List<Relation> rewritten(Map<Long, Relation> before, Map<Long, Relation> after) {
        return after.values().stream().filter(r -> before.containsKey(r.oid()) && r.filenode() != 0
                && before.get(r.oid()).filenode() != r.filenode()).toList();
    }

    /** PostgreSQL's lock mode names in its documentation's words: {@code AccessExclusiveLock} is {@code ACCESS EXCLUSIVE}. */
    static String modeName(String mode) {
        String bare = mode.endsWith("Lock") ? mode.substring(0, mode.length() - 4) : mode;
        return bare.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }

    /** Stronger modes conflict with more: the order of PostgreSQL's table-level lock modes. */
    static int strength(String mode) {
        return List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock",
                "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock").indexOf(mode);
    }
}
