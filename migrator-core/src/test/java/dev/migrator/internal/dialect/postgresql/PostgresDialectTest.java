package dev.migrator.internal.dialect.postgresql;

import static dev.migrator.operation.Column.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.internal.dialect.RenderContext;
import dev.migrator.operation.Column;
import dev.migrator.operation.Operation;
import dev.migrator.operation.Operations;
import dev.migrator.operation.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PostgresDialectTest {

    private final PostgresDialect dialect = new PostgresDialect();

    private List<String> render(Consumer<Operations> body) {
        return render(body, RenderContext.TRANSACTIONAL);
    }

    private List<String> render(Consumer<Operations> body, RenderContext context) {
        List<String> sql = new ArrayList<>();
        for (Operation op : Operations.record(body)) {
            sql.addAll(dialect.render(op, context));
        }
        return sql;
    }

    @Nested
    class Quoting {

        @Test
        void lowerCaseSimpleIdentifiersStayBare() {
            assertThat(dialect.quote("users")).isEqualTo("users");
            assertThat(dialect.quote("email_verified2")).isEqualTo("email_verified2");
            assertThat(dialect.quote("_x$y")).isEqualTo("_x$y");
        }

        @Test
        void mixedCaseIsQuoted() {
            assertThat(dialect.quote("UserName")).isEqualTo("\"UserName\"");
        }

        @Test
        void reservedWordsAreQuoted() {
            assertThat(dialect.quote("user")).isEqualTo("\"user\"");
            assertThat(dialect.quote("order")).isEqualTo("\"order\"");
            assertThat(dialect.quote("select")).isEqualTo("\"select\"");
        }

        @Test
        void oddCharactersAreQuotedAndEmbeddedQuotesDoubled() {
            assertThat(dialect.quote("my table")).isEqualTo("\"my table\"");
            assertThat(dialect.quote("1st")).isEqualTo("\"1st\"");
            assertThat(dialect.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        }

        @Test
        void schemaQualifiedNamesAreQuotedPartByPart() {
            assertThat(dialect.qualified("billing.Invoices")).isEqualTo("billing.\"Invoices\"");
            assertThat(dialect.qualified("user.order")).isEqualTo("\"user\".\"order\"");
        }
    }

    @Nested
    class Tables {

        @Test
        void createTableWithTypesNullabilityDefaultsKeysAndInlineConstraints() {
            assertThat(render(op -> op.createTable("order",
                    column("id", Type.BIGSERIAL).primaryKey(),
                    column("user_id", Type.BIGINT).notNull().references("user", "id").onDelete("CASCADE"),
                    column("status", Type.varchar(20)).notNull().defaultValue("'new'").check("status <> ''"),
                    column("Code", Type.TEXT).unique(),
                    column("total", Type.numeric(10, 2)))
                    .check("total_positive", "total >= 0")
                    .unique("order_code_user", "Code", "user_id")))
                    .containsExactly("CREATE TABLE \"order\" (\n"
                            + "    id bigserial PRIMARY KEY,\n"
                            + "    user_id bigint NOT NULL REFERENCES \"user\" (id) ON DELETE CASCADE,\n"
                            + "    status varchar(20) NOT NULL DEFAULT 'new' CHECK (status <> ''),\n"
                            + "    \"Code\" text UNIQUE,\n"
                            + "    total numeric(10,2),\n"
                            + "    CONSTRAINT total_positive CHECK (total >= 0),\n"
                            + "    CONSTRAINT order_code_user UNIQUE (\"Code\", user_id)\n"
                            + ")");
        }

        @Test
        void createTableWithCompositePrimaryKeyAndForeignKey() {
            assertThat(render(op -> op.createTable("app.line",
                    column("order_id", Type.BIGINT), column("n", Type.INTEGER))
                    .primaryKey("order_id", "n")
                    .foreignKey("line_order_fk", List.of("order_id"), "app.order", List.of("id"))
                    .ifNotExists()))
                    .containsExactly("CREATE TABLE IF NOT EXISTS app.line (\n"
                            + "    order_id bigint,\n"
                            + "    n integer,\n"
                            + "    PRIMARY KEY (order_id, n),\n"
                            + "    CONSTRAINT line_order_fk FOREIGN KEY (order_id) REFERENCES app.\"order\" (id)\n"
                            + ")");
        }

        @Test
        void dropAndRenameTable() {
            assertThat(render(op -> {
                op.dropTable("users");
                op.dropTable("app.Users").ifExists().cascade();
                op.renameTable("app.users", "accounts");
            })).containsExactly(
                    "DROP TABLE users",
                    "DROP TABLE IF EXISTS app.\"Users\" CASCADE",
                    "ALTER TABLE app.users RENAME TO accounts");
        }
    }

    @Nested
    class Columns {

        @Test
        void specExampleAddAndDropColumn() {
            assertThat(render(op -> {
                op.addColumn("users", column("email_verified", Type.BOOLEAN));
                op.dropColumn("users", "email_verified");
            })).containsExactly(
                    "ALTER TABLE users ADD COLUMN email_verified boolean",
                    "ALTER TABLE users DROP COLUMN email_verified");
        }

        @Test
        void addColumnWithDefaultAndOptInIfNotExists() {
            assertThat(render(op -> {
                op.addColumn("user", column("email_verified", Type.BOOLEAN).notNull().defaultValue("false")).ifNotExists();
                op.dropColumn("user", "Legacy").ifExists();
            })).containsExactly(
                    "ALTER TABLE \"user\" ADD COLUMN IF NOT EXISTS email_verified boolean NOT NULL DEFAULT false",
                    "ALTER TABLE \"user\" DROP COLUMN IF EXISTS \"Legacy\"");
        }

        @Test
        void alterColumnTypeWithUsingNullabilityAndDefaultInOneStatement() {
            assertThat(render(op -> op.alterColumn("orders", "amount")
                    .type(Type.BIGINT, "amount::bigint").setNotNull().setDefault("0")))
                    .containsExactly("ALTER TABLE orders ALTER COLUMN amount TYPE bigint USING amount::bigint, "
                            + "ALTER COLUMN amount SET NOT NULL, ALTER COLUMN amount SET DEFAULT 0");
        }

        @Test
        void alterColumnDropsAndRenames() {
            assertThat(render(op -> {
                op.alterColumn("orders", "note").dropNotNull().dropDefault();
                op.renameColumn("orders", "note", "Comment");
            })).containsExactly(
                    "ALTER TABLE orders ALTER COLUMN note DROP NOT NULL, ALTER COLUMN note DROP DEFAULT",
                    "ALTER TABLE orders RENAME COLUMN note TO \"Comment\"");
        }

        @Test
        void alterColumnWithChangesAndRenameRendersTwoStatements() {
            assertThat(render(op -> op.alterColumn("t", "a").type(Type.TEXT).renameTo("b")))
                    .containsExactly("ALTER TABLE t ALTER COLUMN a TYPE text", "ALTER TABLE t RENAME COLUMN a TO b");
        }
    }

    @Nested
    class Indexes {

        @Test
        void plainUniquePartialExpressionAndMethod() {
            assertThat(render(op -> {
                op.createIndex("ix_users_email", "users", "email");
                op.createIndex("ux_users_email", "app.users", "lower(email)").unique().where("deleted_at IS NULL");
                op.createIndex("ix_docs", "docs", "body").using("gin");
                op.createIndex("ix_order", "order", "user", "created_at DESC");
            })).containsExactly(
                    "CREATE INDEX ix_users_email ON users (email)",
                    "CREATE UNIQUE INDEX ux_users_email ON app.users (lower(email)) WHERE deleted_at IS NULL",
                    "CREATE INDEX ix_docs ON docs USING gin (body)",
                    "CREATE INDEX ix_order ON \"order\" (\"user\", created_at DESC)");
        }

        @Test
        void concurrentlyAndIfNotExists() {
            assertThat(render(op -> {
                op.createIndex("ix_a", "t", "a").concurrently().ifNotExists();
                op.dropIndex("app.ix_a").concurrently().ifExists();
            })).containsExactly(
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_a ON t (a)",
                    "DROP INDEX CONCURRENTLY IF EXISTS app.ix_a");
        }
    }

    @Nested
    class Constraints {

        @Test
        void foreignKeyWithActionsNotValidThenValidate() {
            assertThat(render(op -> {
                op.addForeignKey("orders_user_fk", "orders", "user_id", "user", "id")
                        .onDelete("SET NULL").onUpdate("CASCADE").notValid();
                op.validateConstraint("orders", "orders_user_fk");
            })).containsExactly(
                    "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES \"user\" (id) "
                            + "ON DELETE SET NULL ON UPDATE CASCADE NOT VALID",
                    "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk");
        }

        @Test
        void checkUniquePrimaryKeyAndDrop() {
            assertThat(render(op -> {
                op.addCheck("amount_positive", "orders", "amount > 0").notValid();
                op.addUnique("orders_code", "orders", "code", "Region");
                op.addPrimaryKey("orders_pk", "orders", "id");
                op.dropConstraint("orders", "amount_positive").ifExists();
            })).containsExactly(
                    "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0) NOT VALID",
                    "ALTER TABLE orders ADD CONSTRAINT orders_code UNIQUE (code, \"Region\")",
                    "ALTER TABLE orders ADD CONSTRAINT orders_pk PRIMARY KEY (id)",
                    "ALTER TABLE orders DROP CONSTRAINT IF EXISTS amount_positive");
        }

        @Test
        void notValidIsRefusedWhereSqlHasNoSuchThing() {
            Operations.record(op -> assertThatThrownBy(() -> op.addUnique("u", "t", "a").notValid())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NOT VALID exists only for check and foreign-key constraints"));
        }
    }

    @Nested
    class TypesAndComments {

        @Test
        void enumsWithQuotedValues() {
            assertThat(render(op -> {
                op.createEnum("mood", "happy", "it's ok");
                op.addEnumValue("mood", "sad").before("happy").ifNotExists();
                op.dropEnum("mood");
            })).containsExactly(
                    "CREATE TYPE mood AS ENUM ('happy', 'it''s ok')",
                    "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad' BEFORE 'happy'",
                    "DROP TYPE mood");
        }

        @Test
        void commentsOnTableAndColumnAndRemoval() {
            assertThat(render(op -> {
                op.commentOnTable("users", "people's accounts");
                op.commentOnColumn("users", "Email", "login");
                op.commentOnTable("users", null);
            })).containsExactly(
                    "COMMENT ON TABLE users IS 'people''s accounts'",
                    "COMMENT ON COLUMN users.\"Email\" IS 'login'",
                    "COMMENT ON TABLE users IS NULL");
        }

        @Test
        void executeIsWrittenAsGiven() {
            assertThat(render(op -> op.execute("UPDATE users SET active = true WHERE id = ?", 7)))
                    .containsExactly("UPDATE users SET active = true WHERE id = ?");
        }
    }

    @Nested
    class NonTransactionalRevisions {

        @Test
        void existenceGuardsAreAddedWherePostgresHasThem() {
            assertThat(render(op -> {
                op.createTable("t", column("id", Type.INTEGER));
                op.addColumn("t", column("a", Type.TEXT));
                op.createIndex("ix_t_a", "t", "a").concurrently();
                op.dropConstraint("t", "c");
                op.dropColumn("t", "a");
                op.dropIndex("ix_t_a").concurrently();
                op.dropTable("t");
                op.addEnumValue("mood", "meh");
                op.dropEnum("mood");
            }, RenderContext.NON_TRANSACTIONAL)).containsExactly(
                    "CREATE TABLE IF NOT EXISTS t (\n    id integer\n)",
                    "ALTER TABLE t ADD COLUMN IF NOT EXISTS a text",
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_t_a ON t (a)",
                    "ALTER TABLE t DROP CONSTRAINT IF EXISTS c",
                    "ALTER TABLE t DROP COLUMN IF EXISTS a",
                    "DROP INDEX CONCURRENTLY IF EXISTS ix_t_a",
                    "DROP TABLE IF EXISTS t",
                    "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh'",
                    "DROP TYPE IF EXISTS mood");
        }
    }

    @Nested
    class SafePatterns {

        @Test
        void batchUpdateOfflineIsOneStatementWithAComment() {
            assertThat(render(op -> op.batchUpdate("users", "active = true", "active IS NULL").batchSize(500)))
                    .containsExactly("-- batchUpdate: online this runs in keyset batches of 500 rows by primary key, "
                            + "one commit per batch\nUPDATE users SET active = true WHERE active IS NULL");
        }

        @Test
        void addColumnNotNullSafelyRendersEveryStep() {
            Column column = column("email_verified", Type.BOOLEAN).notNull().defaultValue("false");
            assertThat(render(op -> op.addColumnNotNullSafely("users", column, "false")))
                    .containsExactly(
                            "ALTER TABLE users ADD COLUMN IF NOT EXISTS email_verified boolean",
                            "ALTER TABLE users ALTER COLUMN email_verified SET DEFAULT false",
                            "-- batchUpdate: online this runs in keyset batches of 1000 rows by primary key, one commit "
                                    + "per batch\nUPDATE users SET \"email_verified\" = false WHERE \"email_verified\" IS NULL",
                            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_verified_not_null",
                            "ALTER TABLE users ADD CONSTRAINT users_email_verified_not_null "
                                    + "CHECK (\"email_verified\" IS NOT NULL) NOT VALID",
                            "ALTER TABLE users VALIDATE CONSTRAINT users_email_verified_not_null",
                            "ALTER TABLE users ALTER COLUMN email_verified SET NOT NULL",
                            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_verified_not_null");
        }

        @Test
        void expandInstallsASyncTriggerAndContractDropsIt() {
            List<String> expand = render(op -> op.expandColumnRename("users", "name", column("full_name", Type.TEXT)));
            assertThat(expand).hasSize(5);
            assertThat(expand.get(0)).isEqualTo("ALTER TABLE users ADD COLUMN IF NOT EXISTS full_name text");
            assertThat(expand.get(1)).startsWith("CREATE OR REPLACE FUNCTION migrator_sync_users_name_full_name() "
                    + "RETURNS trigger LANGUAGE plpgsql AS $migrator$")
                    .contains("NEW.full_name := NEW.name;", "NEW.name := NEW.full_name;");
            assertThat(expand.get(2)).isEqualTo("DROP TRIGGER IF EXISTS migrator_sync_users_name_full_name ON users");
            assertThat(expand.get(3)).isEqualTo("CREATE TRIGGER migrator_sync_users_name_full_name BEFORE INSERT OR UPDATE "
                    + "ON users FOR EACH ROW EXECUTE FUNCTION migrator_sync_users_name_full_name()");
            assertThat(expand.get(4)).endsWith("UPDATE users SET \"full_name\" = \"name\" "
                    + "WHERE \"full_name\" IS NULL AND \"name\" IS NOT NULL");

            assertThat(render(op -> op.contractColumnRename("users", "name", "full_name"))).containsExactly(
                    "DROP TRIGGER IF EXISTS migrator_sync_users_name_full_name ON users",
                    "DROP FUNCTION IF EXISTS migrator_sync_users_name_full_name()",
                    "ALTER TABLE users DROP COLUMN IF EXISTS name");
        }
    }

    /**
     * A safe pattern says itself whether it must run outside the revision's transaction (the API cannot see the
     * dialect); what it says must be what the parts the dialect expands it into need.
     */
    @Test
    void aSafePatternRunsOutsideTheTransactionExactlyWhenOneOfItsPartsDoes() {
        Consumer<Operations> contract = op -> op.contractColumn("users", "amount", "amount_cents",
                "({} * 100)::bigint", "({} / 100)::integer").oldDefinition(column("amount", Type.INTEGER));
        List<Operation> patterns = Operations.record(op -> {
            op.addColumnNotNullSafely("users", column("verified", Type.BOOLEAN).notNull(), "false");
            op.addColumnNotNullSafely("users", column("nickname", Type.TEXT), "'none'");
            op.expandColumnRename("users", "name", column("full_name", Type.TEXT));
            op.expandColumn("users", "amount", column("amount_cents", Type.BIGINT), "({} * 100)::bigint",
                    "({} / 100)::integer");
            op.contractColumnRename("users", "name", "full_name");
            contract.accept(op);
            op.reverseOf(contract);
        });
        assertThat(patterns).hasSize(7);
        for (Operation pattern : patterns) {
            assertThat(pattern.runsOutsideTransaction()).as("%s", pattern)
                    .isEqualTo(dialect.parts(pattern).stream().anyMatch(Operation::runsOutsideTransaction));
        }
    }
}
