package dev.migrator.internal.schema;

/**
 * The one catalog query behind a {@link SchemaSnapshot}: every object of one schema as one row
 * {@code (kind, name, attribute names[], values[])}, the names of each kind written in code point
 * order, so that {@link ServerFingerprint} can build an object's line from fixed array positions
 * without sorting (one row per object, not per attribute: the server's text and the Java snapshot
 * come from the same projection). One round trip, because it runs after every migration run and on
 * every check evaluation.
 *
 * <p>Parameters: 1 = schema name, 2 = Migrator's table prefix. Relations whose name starts with
 * the prefix (Migrator's own tables, their indexes and sequences) and objects that belong to an
 * extension are left out: they are not the user's schema.
 */
final class SchemaQuery {

    static final String TABLE = dev.migrator.schema.SchemaSnapshot.SchemaObject.TABLE_ATTRIBUTE;

    /** Relations Migrator owns: every name with the prefix, or with an empty prefix exactly its own tables. */
    private static final String OWNED_BY_MIGRATOR = "(CASE WHEN p.prefix = '' THEN %1$s IN ('version', 'history', 'schema_snapshot')"
            + " ELSE starts_with(%1$s, p.prefix) END)";

    private static String notExtensionMember(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog + "'::regclass AND d.objid = " + oid
                + " AND d.deptype = 'e')";
    }

    static final String SQL = "WITH p AS (SELECT ?::text AS schema, ?::text AS prefix),"
            + " ns AS (SELECT n.oid FROM pg_namespace n JOIN p ON n.nspname = p.schema),"
            + " rel AS (SELECT c.oid, c.relname, c.relkind, c.relpersistence FROM pg_class c CROSS JOIN p"
            + "   WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I')"
            + "   AND NOT " + String.format(OWNED_BY_MIGRATOR, "c.relname")
            + "   AND " + notExtensionMember("pg_class", "c.oid") + ")"
            // tables
            + " SELECT 'table' AS kind, t.relname::text AS name, ARRAY['persistence'] AS attrs,"
            + "   ARRAY[CASE t.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'logged' END"
            + "   || CASE WHEN t.relkind = 'p' THEN ', partitioned' ELSE '' END] AS vals"
            + " FROM rel t WHERE t.relkind IN ('r', 'p')"
            // columns
            + " UNION ALL SELECT 'column', t.relname || '.' || a.attname,"
            + "   ARRAY[CASE WHEN a.attgenerated = 's' THEN 'generated' ELSE 'default' END, 'identity', 'nullability', 'table', 'type'],"
            + "   ARRAY[coalesce(pg_get_expr(d.adbin, d.adrelid), 'none'),"
            + "     CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' ELSE 'none' END,"
            + "     CASE WHEN a.attnotnull THEN 'not null' ELSE 'nullable' END, t.relname::text,"
            + "     format_type(a.atttypid, a.atttypmod)]"
            + " FROM rel t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE t.relkind IN ('r', 'p')"
            // constraints (not-null constraints of PostgreSQL 18 are the columns' nullability already;
            // NOT VALID is the validation attribute, not part of the definition)
            + " UNION ALL SELECT 'constraint', con.conname || ' on ' || t.relname, ARRAY['definition', 'table', 'validation'],"
            + "   ARRAY[regexp_replace(pg_get_constraintdef(con.oid), ' NOT VALID$', ''), t.relname::text,"
            + "     CASE WHEN con.convalidated THEN 'validated' ELSE 'NOT VALID' END]"
            + " FROM pg_constraint con JOIN rel t ON t.oid = con.conrelid"
            + " WHERE con.contype <> 'n'"
            // indexes
            + " UNION ALL SELECT 'index', ic.relname::text, ARRAY['definition', 'table', 'validity'],"
            + "   ARRAY[pg_get_indexdef(i.indexrelid), t.relname::text, CASE WHEN i.indisvalid THEN 'valid' ELSE 'INVALID' END]"
            + " FROM pg_index i JOIN rel ic ON ic.oid = i.indexrelid JOIN rel t ON t.oid = i.indrelid"
            // views
            + " UNION ALL SELECT CASE v.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END, v.relname::text,"
            + "   ARRAY['definition'], ARRAY[pg_get_viewdef(v.oid, true)]"
            + " FROM rel v WHERE v.relkind IN ('v', 'm')"
            // sequences (their definition, not their current value)
            + " UNION ALL SELECT 'sequence', s.relname::text, ARRAY['cycle', 'increment', 'maximum', 'minimum', 'start', 'type'],"
            + "   ARRAY[CASE WHEN q.seqcycle THEN 'cycle' ELSE 'no cycle' END, q.seqincrement::text, q.seqmax::text,"
            + "     q.seqmin::text, q.seqstart::text, format_type(q.seqtypid, NULL)]"
            + " FROM rel s JOIN pg_sequence q ON q.seqrelid = s.oid"
            // functions and procedures: signature, result, language, and a hash of the whole definition
            + " UNION ALL SELECT CASE f.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,"
            + "   f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')', ARRAY['body', 'language', 'returns'],"
            + "   ARRAY[encode(sha256(convert_to(CASE WHEN f.prokind = 'a' THEN f.prosrc"
            + "     ELSE pg_get_functiondef(f.oid) END, 'UTF8')), 'hex'), l.lanname::text,"
            + "     coalesce(pg_get_function_result(f.oid), 'none')]"
            + " FROM pg_proc f JOIN pg_language l ON l.oid = f.prolang"
            + " WHERE f.pronamespace = (SELECT oid FROM ns) AND " + notExtensionMember("pg_proc", "f.oid")
            // triggers
            + " UNION ALL SELECT 'trigger', tg.tgname || ' on ' || t.relname, ARRAY['definition', 'enabled', 'table'],"
            + "   ARRAY[pg_get_triggerdef(tg.oid), CASE tg.tgenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica only'"
            + "     WHEN 'A' THEN 'always' ELSE 'enabled' END, t.relname::text]"
            + " FROM pg_trigger tg JOIN rel t ON t.oid = tg.tgrelid"
            + " WHERE NOT tg.tgisinternal"
            // enum types: labels in their sort order, one per line
            + " UNION ALL SELECT 'enum', ty.typname::text, ARRAY['values'],"
            + "   ARRAY[coalesce(string_agg(quote_literal(e.enumlabel), E'\\n' ORDER BY e.enumsortorder), '')]"
            + " FROM pg_type ty LEFT JOIN pg_enum e ON e.enumtypid = ty.oid"
            + " WHERE ty.typnamespace = (SELECT oid FROM ns) AND ty.typtype = 'e' AND " + notExtensionMember("pg_type", "ty.oid")
            + " GROUP BY ty.typname";

    /** The most attributes any kind has (a sequence's six): how many array positions a line is built from. */
    static final int MAX_ATTRIBUTES = 6;

    private SchemaQuery() {}
}
