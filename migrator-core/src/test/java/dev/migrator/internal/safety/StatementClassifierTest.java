package dev.migrator.internal.safety;


import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.internal.safety.StatementShape.AlterAction;
import dev.migrator.internal.safety.StatementShape.AlterTable;
import dev.migrator.internal.safety.StatementShape.ConstraintKind;
import dev.migrator.internal.safety.StatementShape.CreateIndex;
import dev.migrator.internal.safety.StatementShape.CreateTable;
import dev.migrator.internal.safety.StatementShape.DataChange;
import dev.migrator.internal.safety.StatementShape.DropIndex;
import dev.migrator.internal.safety.StatementShape.DropObject;
import dev.migrator.internal.safety.StatementShape.DropTable;
import dev.migrator.internal.safety.StatementShape.Truncate;
import dev.migrator.internal.safety.StatementShape.Unknown;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementClassifierTest {

    private static StatementShape one(String sql) {
        List<StatementShape> shapes = StatementClassifier.classify(sql);
        assertThat(shapes).hasSize(1);
        return shapes.get(0);
    }

    private static AlterAction action(String sql) {
        AlterTable alter = (AlterTable) one(sql);
        assertThat(alter.actions()).hasSize(1);
        return alter.actions().get(0);
    }

    @Test
    void createIndexWithAndWithoutConcurrently() {
        assertThat(one("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY app.orders USING btree (created_at)"))
                .isEqualTo(new CreateIndex(new RelationName(null, "idx"), new RelationName("app", "orders"), true, false));
        assertThat(one("create unique index on \"Orders\" (a)"))
                .isEqualTo(new CreateIndex(null, new RelationName(null, "Orders"), false, true));
    }

    @Test
    void keywordsInCommentsAndStringsDoNotCount() {
        CreateIndex index = (CreateIndex) one("CREATE /* CONCURRENTLY */ INDEX i ON t (a) WHERE note <> 'CONCURRENTLY'");
        assertThat(index.concurrently()).isFalse();
        assertThat(one("SELECT 'DROP TABLE users CASCADE'")).isInstanceOf(Unknown.class);
    }

    @Test
    void createTableColumnsTypesAndConstraints() {
        CreateTable table = (CreateTable) one("""
                CREATE TABLE IF NOT EXISTS users (
                    id serial PRIMARY KEY,
                    email character varying(320) NOT NULL UNIQUE,
                    code char(3),
                    seen timestamp(3) without time zone DEFAULT now(),
                    at timestamp with time zone,
                    prefs json,
                    org_id bigint REFERENCES orgs (id) ON DELETE SET DEFAULT,
                    CONSTRAINT users_pk2 UNIQUE (email)
                )""");
        assertThat(table.table()).isEqualTo(new RelationName(null, "users"));
        assertThat(table.columns()).extracting(ColumnDefinition::name)
                .containsExactly("id", "email", "code", "seen", "at", "prefs", "org_id");
        assertThat(table.columns()).extracting(c -> c.type().base())
                .containsExactly("serial4", "varchar", "bpchar", "timestamp", "timestamptz", "json", "int8");
        ColumnDefinition id = table.columns().get(0);
        assertThat(id.primaryKey()).isTrue();
        assertThat(table.columns().get(1).type().modifiers()).containsExactly(320);
        assertThat(table.columns().get(3).hasDefault()).isTrue();
        ColumnDefinition org = table.columns().get(6);
        assertThat(org.references()).isTrue();
        assertThat(org.hasDefault()).as("ON DELETE SET DEFAULT is no default").isFalse();
    }

    @Test
    void tableLevelPrimaryKey() {
        CreateTable table = (CreateTable) one("CREATE TABLE t (a int, b int, CONSTRAINT t_pk PRIMARY KEY (a, b))");
        assertThat(table.primaryKeyColumns()).containsExactly("a", "b");
    }

    @Test
    void addColumnVariants() {
        AlterAction.AddColumn add = (AlterAction.AddColumn) action(
                "ALTER TABLE IF EXISTS ONLY orders ADD COLUMN IF NOT EXISTS token uuid NOT NULL DEFAULT gen_random_uuid()");
        assertThat(add.column().notNull()).isTrue();
        assertThat(ColumnChanges.functions(add.column().defaultExpression())).containsExactly("gen_random_uuid");
        AlterAction.AddColumn implicit = (AlterAction.AddColumn) action("alter table orders add note text");
        assertThat(implicit.column().name()).isEqualTo("note");
        AlterAction.AddColumn identity = (AlterAction.AddColumn) action(
                "ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY");
        assertThat(identity.column().identity()).isTrue();
    }

    @Test
    void severalActionsSplitAtTopLevelCommas() {
        AlterTable alter = (AlterTable) one("ALTER TABLE t ADD COLUMN a numeric(10, 2), ALTER COLUMN b SET NOT NULL, "
                + "DROP COLUMN c CASCADE");
        assertThat(alter.actions()).hasSize(3);
        assertThat(alter.actions().get(0)).isInstanceOf(AlterAction.AddColumn.class);
        assertThat(alter.actions().get(1)).isEqualTo(new AlterAction.SetNotNull("b"));
        assertThat(alter.actions().get(2)).isEqualTo(new AlterAction.DropColumn("c", true));
    }

    @Test
    void constraints() {
        assertThat(action("ALTER TABLE e ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id) NOT VALID"))
                .isEqualTo(new AlterAction.AddConstraint("fk", ConstraintKind.FOREIGN_KEY, true, false, null));
        assertThat(action("ALTER TABLE e ADD CONSTRAINT c CHECK ((\"status\" IS NOT NULL))"))
                .isEqualTo(new AlterAction.AddConstraint("c", ConstraintKind.CHECK, false, false, "status"));
        assertThat(action("ALTER TABLE e ADD CHECK (a > 0)"))
                .isEqualTo(new AlterAction.AddConstraint(null, ConstraintKind.CHECK, false, false, null));
        assertThat(action("ALTER TABLE d ADD CONSTRAINT k UNIQUE USING INDEX d_idx"))
                .isEqualTo(new AlterAction.AddConstraint("k", ConstraintKind.UNIQUE, false, true, null));
        assertThat(action("ALTER TABLE a ADD PRIMARY KEY (id)"))
                .isEqualTo(new AlterAction.AddConstraint(null, ConstraintKind.PRIMARY_KEY, false, false, null));
        assertThat(action("ALTER TABLE a VALIDATE CONSTRAINT fk")).isEqualTo(new AlterAction.ValidateConstraint("fk"));
    }

    @Test
    void typeChanges() {
        AlterAction.AlterColumnType change = (AlterAction.AlterColumnType) action(
                "ALTER TABLE t ALTER COLUMN n SET DATA TYPE varchar(20) COLLATE \"C\"");
        assertThat(change.type().base()).isEqualTo("varchar");
        assertThat(change.using()).isFalse();
        AlterAction.AlterColumnType using = (AlterAction.AlterColumnType) action(
                "ALTER TABLE t ALTER n TYPE bigint USING n::bigint");
        assertThat(using.type().base()).isEqualTo("int8");
        assertThat(using.using()).isTrue();
    }

    @Test
    void renames() {
        assertThat(action("ALTER TABLE users RENAME COLUMN name TO full_name"))
                .isEqualTo(new AlterAction.RenameColumn("name", "full_name"));
        assertThat(action("ALTER TABLE users RENAME name TO full_name"))
                .isEqualTo(new AlterAction.RenameColumn("name", "full_name"));
        assertThat(action("ALTER TABLE users RENAME TO customers")).isEqualTo(new AlterAction.RenameTable("customers"));
    }

    @Test
    void drops() {
        assertThat(one("DROP INDEX CONCURRENTLY IF EXISTS a.i1, i2 CASCADE")).isEqualTo(new DropIndex(
                List.of(new RelationName("a", "i1"), new RelationName(null, "i2")), true, true));
        assertThat(one("DROP TABLE IF EXISTS t RESTRICT")).isEqualTo(new DropTable(List.of(new RelationName(null, "t")), false));
        assertThat(one("DROP VIEW v CASCADE")).isEqualTo(new DropObject("view", true));
        assertThat(one("TRUNCATE TABLE a, b RESTART IDENTITY CASCADE"))
                .isEqualTo(new Truncate(List.of(new RelationName(null, "a"), new RelationName(null, "b")), true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "UPDATE orders SET status = 'x'|false",
            "UPDATE orders SET status = 'x' WHERE status IS NULL|false",
            "UPDATE orders o SET a = b FROM x WHERE o.id = x.id|false",
            "UPDATE orders SET status = 'x' WHERE id = 42|true",
            "UPDATE orders SET status = 'x' WHERE id <= $1|true",
            "UPDATE orders SET s = 1 WHERE id BETWEEN 1 AND 1000|true",
            "UPDATE orders SET s = 1 WHERE id IN (SELECT id FROM orders WHERE s IS NULL LIMIT 1000)|true",
            "UPDATE orders SET s = 1 WHERE id IN (1, 2, 3)|true",
            "DELETE FROM ONLY audit WHERE created_at < now() - interval '30 days'|false",
            "DELETE FROM audit|false",
            "DELETE FROM audit WHERE id = -1 RETURNING id|true"})
    void boundedDataChanges(String sql, boolean bounded) {
        assertThat(((DataChange) one(sql)).bounded()).isEqualTo(bounded);
    }

    @Test
    void enumValue() {
        assertThat(one("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok'"))
                .isEqualTo(new StatementShape.AddEnumValue(new RelationName(null, "mood"), "meh"));
    }

    @Test
    void severalStatementsInOneExecute() {
        assertThat(StatementClassifier.classify("CREATE INDEX i ON t (a); DROP TABLE x;")).hasSize(2);
    }

    @Test
    void whatItDoesNotKnowIsUnknown() {
        assertThat(one("DO $$ BEGIN ALTER TABLE t ADD COLUMN a int NOT NULL; END $$")).isEqualTo(new Unknown("do"));
        assertThat(one("CREATE OR REPLACE VIEW v AS SELECT 1")).isInstanceOf(Unknown.class);
        assertThat(one("GRANT SELECT ON t TO r")).isInstanceOf(Unknown.class);
    }
}
