package dev.migrator.internal.dialect.postgresql;

import static dev.migrator.internal.dialect.postgresql.PostgresText.literal;

import dev.migrator.internal.dialect.Dialect;
import dev.migrator.internal.dialect.RenderContext;
import dev.migrator.operation.ColumnOperation.AddColumn;
import dev.migrator.operation.ConstraintOperation.AddConstraint;
import dev.migrator.operation.EnumOperation.AddEnumValue;
import dev.migrator.operation.ColumnOperation.AlterColumn;
import dev.migrator.operation.SafePattern.BatchUpdate;
import dev.migrator.operation.Column;
import dev.migrator.operation.TableOperation.Comment;
import dev.migrator.operation.EnumOperation.CreateEnum;
import dev.migrator.operation.IndexOperation.CreateIndex;
import dev.migrator.operation.TableOperation.CreateTable;
import dev.migrator.operation.ColumnOperation.DropColumn;
import dev.migrator.operation.ConstraintOperation.DropConstraint;
import dev.migrator.operation.EnumOperation.DropEnum;
import dev.migrator.operation.IndexOperation.DropIndex;
import dev.migrator.operation.TableOperation.DropTable;
import dev.migrator.operation.Operation.ExecuteSql;
import dev.migrator.operation.Operation.NoOperation;
import dev.migrator.operation.Operation;
import dev.migrator.operation.TableOperation.RenameTable;
import dev.migrator.operation.SafePattern.SyncTrigger;
import dev.migrator.operation.TableConstraint;
import dev.migrator.operation.ConstraintOperation.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL (14+) rendering of every operation. Identifiers are quoted only when they must be (upper
 * case, reserved words, other characters); names may be schema-qualified as {@code "schema.name"}.
 * Statements carry no trailing semicolon; the offline writer adds one.
 */
public final class PostgresDialect implements Dialect {

    @Override
    public String quote(String identifier) {
        return PostgresText.quote(identifier);
    }

    /** A possibly schema-qualified name, each part quoted as needed. */
    public String qualified(String name) {
        return PostgresText.qualified(name);
    }

    @Override
    public List<String> render(Operation operation, RenderContext context) {
        List<Operation> parts = parts(operation);
        if (!parts.isEmpty()) {
            List<String> statements = new ArrayList<>();
            for (Operation part : parts) {
                statements.addAll(render(part, context));
            }
            return statements;
        }
        return List.copyOf(renderOne(operation, context));
    }

    @Override
    public List<Operation> parts(Operation operation) {
        return PostgresPatterns.parts(operation);
    }

    private List<String> renderOne(Operation op, RenderContext context) {
        boolean idempotent = context.idempotent();
        if (op instanceof ExecuteSql sql) {
            return List.of(sql.sql());
        } else if (op instanceof NoOperation) {
            return List.of();
        } else if (op instanceof CreateTable t) {
            return List.of(createTable(t, t.ifNotExists() || idempotent));
        } else if (op instanceof DropTable t) {
            return List.of("DROP TABLE " + (t.ifExists() || idempotent ? "IF EXISTS " : "") + qualified(t.table())
                    + (t.cascade() ? " CASCADE" : ""));
        } else if (op instanceof RenameTable t) {
            return List.of(alterTable(t.table()) + "RENAME TO " + quote(t.bareNewName()));
        } else if (op instanceof AddColumn c) {
            return List.of(alterTable(c.table()) + "ADD COLUMN " + (c.ifNotExists() || idempotent ? "IF NOT EXISTS " : "")
                    + column(c.column()));
        } else if (op instanceof DropColumn c) {
            return List.of(alterTable(c.table()) + "DROP COLUMN " + (c.ifExists() || idempotent ? "IF EXISTS " : "")
                    + quote(c.column()));
        } else if (op instanceof AlterColumn c) {
            return alterColumn(c);
        } else if (op instanceof CreateIndex i) {
            return List.of(createIndex(i, i.ifNotExists() || idempotent));
        } else if (op instanceof DropIndex i) {
            return List.of("DROP INDEX " + (i.concurrently() ? "CONCURRENTLY " : "")
                    + (i.ifExists() || idempotent ? "IF EXISTS " : "") + qualified(i.name()));
        } else if (op instanceof AddConstraint c) {
            return List.of(alterTable(c.table()) + "ADD " + constraint(c.constraint()) + (c.notValid() ? " NOT VALID" : ""));
        } else if (op instanceof DropConstraint c) {
            return List.of(alterTable(c.table()) + "DROP CONSTRAINT " + (c.ifExists() || idempotent ? "IF EXISTS " : "")
                    + quote(c.name()));
        } else if (op instanceof ValidateConstraint c) {
            return List.of(alterTable(c.table()) + "VALIDATE CONSTRAINT " + quote(c.name()));
        } else if (op instanceof CreateEnum e) {
            return List.of("CREATE TYPE " + qualified(e.name()) + " AS ENUM ("
                    + e.values().stream().map(PostgresText::literal).collect(Collectors.joining(", ")) + ")");
        } else if (op instanceof DropEnum e) {
            return List.of("DROP TYPE " + (e.ifExists() || idempotent ? "IF EXISTS " : "") + qualified(e.name()));
        } else if (op instanceof AddEnumValue e) {
            return List.of("ALTER TYPE " + qualified(e.name()) + " ADD VALUE "
                    + (e.ifNotExists() || idempotent ? "IF NOT EXISTS " : "") + literal(e.value())
                    + (e.before() == null ? "" : " BEFORE " + literal(e.before())));
        } else if (op instanceof Comment c) {
            return List.of(c.column() == null
                    ? "COMMENT ON TABLE " + qualified(c.table()) + " IS " + literal(c.text())
                    : "COMMENT ON COLUMN " + qualified(c.table()) + "." + quote(c.column()) + " IS " + literal(c.text()));
        } else if (op instanceof BatchUpdate b) {
            return List.of(batchUpdateAsOneStatement(b));
        } else if (op instanceof SyncTrigger s) {
            return syncTrigger(s);
        }
        throw new IllegalArgumentException("PostgreSQL cannot render " + op.describe() + " ("
                + op.getClass().getName() + ")");
    }

    private String alterTable(String table) {
        return "ALTER TABLE " + qualified(table) + " ";
    }

    private String createTable(CreateTable t, boolean ifNotExists) {
        List<String> elements = new ArrayList<>();
        for (Column c : t.columns()) {
            elements.add(column(c));
        }
        for (TableConstraint c : t.constraints()) {
            elements.add(constraint(c));
        }
        return "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + qualified(t.table()) + " (\n    "
                + String.join(",\n    ", elements) + "\n)";
    }

    /** A column definition as in {@code CREATE TABLE} and {@code ADD COLUMN}. */
    public String column(Column c) {
        StringBuilder sql = new StringBuilder(quote(c.name())).append(' ').append(c.type().sql());
        if (c.isPrimaryKey()) {
            sql.append(" PRIMARY KEY");
        } else if (!c.allowsNull()) {
            sql.append(" NOT NULL");
        }
        if (c.defaultSql() != null) {
            sql.append(" DEFAULT ").append(c.defaultSql());
        }
        if (c.isUnique()) {
            sql.append(" UNIQUE");
        }
        if (c.check() != null) {
            sql.append(" CHECK (").append(c.check()).append(')');
        }
        if (c.references() != null) {
            Column.Reference ref = c.references();
            sql.append(" REFERENCES ").append(qualified(ref.table())).append(" (").append(quote(ref.column())).append(')');
            sql.append(actions(ref.onDelete(), ref.onUpdate()));
        }
        return sql.toString();
    }

    private String constraint(TableConstraint c) {
        String prefix = c.name() == null ? "" : "CONSTRAINT " + quote(c.name()) + " ";
        if (c instanceof TableConstraint.Check check) {
            return prefix + "CHECK (" + check.expression() + ")";
        } else if (c instanceof TableConstraint.Unique unique) {
            return prefix + "UNIQUE (" + names(unique.columns()) + ")";
        } else if (c instanceof TableConstraint.PrimaryKey pk) {
            return prefix + "PRIMARY KEY (" + names(pk.columns()) + ")";
        }
        TableConstraint.ForeignKey fk = (TableConstraint.ForeignKey) c;
        return prefix + "FOREIGN KEY (" + names(fk.columns()) + ") REFERENCES " + qualified(fk.referencedTable())
                + " (" + names(fk.referencedColumns()) + ")" + actions(fk.onDelete(), fk.onUpdate());
    }

    private static String actions(String onDelete, String onUpdate) {
        return (onDelete == null ? "" : " ON DELETE " + onDelete) + (onUpdate == null ? "" : " ON UPDATE " + onUpdate);
    }

    private String names(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    private List<String> alterColumn(AlterColumn c) {
        List<String> actions = new ArrayList<>();
        String target = "ALTER COLUMN " + quote(c.column()) + " ";
        if (c.type() != null) {
            actions.add(target + "TYPE " + c.type().sql() + (c.using() == null ? "" : " USING " + c.using()));
        }
        if (c.nullable() != null) {
            actions.add(target + (c.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (c.defaultValue() != null) {
            actions.add(target + (c.defaultValue().isNone() ? "DROP DEFAULT" : "SET DEFAULT " + c.defaultValue().sql()));
        }
        List<String> statements = new ArrayList<>();
        if (!actions.isEmpty()) {
            statements.add(alterTable(c.table()) + String.join(", ", actions));
        }
        if (c.newName() != null) {
            statements.add(alterTable(c.table()) + "RENAME COLUMN " + quote(c.column()) + " TO " + quote(c.newName()));
        }
        return statements;
    }

    private String createIndex(CreateIndex i, boolean ifNotExists) {
        String elements = i.columns().stream()
                .map(e -> PostgresText.isPlainName(e) ? quote(e) : e)
                .collect(Collectors.joining(", "));
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + (i.concurrently() ? "CONCURRENTLY " : "")
                + (ifNotExists ? "IF NOT EXISTS " : "") + quote(i.bareName()) + " ON "
                + qualified(i.table()) + (i.method() == null ? "" : " USING " + i.method()) + " (" + elements + ")"
                + (i.where() == null ? "" : " WHERE " + i.where());
    }

    /**
     * Offline SQL cannot commit between batches, so a batch update is written as the single statement it
     * amounts to; the comment says how it runs online.
     */
    private String batchUpdateAsOneStatement(BatchUpdate b) {
        return "-- batchUpdate: online this runs in keyset batches of " + b.batchSize() + " rows by "
                + (b.keyColumn() == null ? "primary key" : b.keyColumn()) + ", one commit per batch\n"
                + "UPDATE " + qualified(b.table()) + " SET " + b.setSql()
                + (b.whereSql() == null ? "" : " WHERE " + b.whereSql());
    }

    private List<String> syncTrigger(SyncTrigger s) {
        String function = qualified(s.functionName());
        String trigger = quote(s.triggerName());
        if (s.drop()) {
            return List.of(
                    "DROP TRIGGER IF EXISTS " + trigger + " ON " + qualified(s.table()),
                    "DROP FUNCTION IF EXISTS " + function + "()");
        }
        String src = quote(s.source());
        String tgt = quote(s.target());
        String toTarget = s.toTarget().replace("{}", "NEW." + src);
        String toSource = s.toSource().replace("{}", "NEW." + tgt);
        String body = "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $migrator$\n"
                + "BEGIN\n"
                + "    -- keeps " + s.source() + " and " + s.target() + " in sync while both are in use (expand phase)\n"
                + "    IF TG_OP = 'INSERT' THEN\n"
                + "        IF NEW." + tgt + " IS NULL THEN\n"
                + "            NEW." + tgt + " := " + toTarget + ";\n"
                + "        ELSIF NEW." + src + " IS NULL THEN\n"
                + "            NEW." + src + " := " + toSource + ";\n"
                + "        END IF;\n"
                + "    ELSIF NEW." + tgt + " IS DISTINCT FROM OLD." + tgt + " THEN\n"
                + "        NEW." + src + " := " + toSource + ";\n"
                + "    ELSIF NEW." + src + " IS DISTINCT FROM OLD." + src + " THEN\n"
                + "        NEW." + tgt + " := " + toTarget + ";\n"
                + "    END IF;\n"
                + "    RETURN NEW;\n"
                + "END\n"
                + "$migrator$";
        return List.of(body,
                "DROP TRIGGER IF EXISTS " + trigger + " ON " + qualified(s.table()),
                "CREATE TRIGGER " + trigger + " BEFORE INSERT OR UPDATE ON " + qualified(s.table())
                        + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
    }
}
