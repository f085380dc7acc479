package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lexical classes where the splitter used to disagree with PostgreSQL, applied by Migrator to the real
 * server: multi-action rules, BEGIN ATOMIC bodies with {@code AS end}, an E'' string continued on the next
 * line, and identifiers and dollar-quote tags with characters from U+0080 up.
 */
@ExtendWith(FreshDatabase.class)
class LexicalCasesMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aRevisionWithEveryCaseAppliesAsPsqlWouldAndGoesBackDown(TestDatabase db) throws IOException {
        write("lex001_cases.sql", """
                -- Revision: lex001
                -- Message: rules, routine bodies, continued strings, non-ASCII identifiers
                -- migrate:upgrade
                CREATE TABLE t (id int);
                CREATE TABLE log_a (v int);
                CREATE TABLE log_b (v int);
                CREATE RULE t_log AS ON INSERT TO t DO ALSO (
                    INSERT INTO log_a VALUES (new.id);
                    INSERT INTO log_b VALUES (new.id * 10);
                );
                CREATE FUNCTION spans() RETURNS TABLE (s int, e int) LANGUAGE sql
                BEGIN ATOMIC
                    SELECT 1 AS start, 2 AS end;
                END;
                CREATE TABLE notes (body text);
                INSERT INTO notes VALUES (E'a'
                'b\\'; SELECT 2; --');
                CREATE TABLE amount€$$ (v int); INSERT INTO amount€$$ VALUES (1
                );
                INSERT INTO notes VALUES ($€$c; d$€$);
                INSERT INTO t VALUES (7);
                -- migrate:downgrade
                DROP TABLE amount€$$; DROP TABLE notes; DROP FUNCTION spans(); DROP TABLE t, log_a, log_b;
                """);
        Migrator migrator = load(db);

        migrator.upgrade("heads");

        assertThat(db.queryValue("SELECT string_agg(v::text, ',' ORDER BY v) FROM (SELECT v FROM log_a UNION ALL "
                + "SELECT v FROM log_b) x")).isEqualTo("7,70");
        assertThat(db.queryValue("SELECT s || ',' || e FROM spans()")).isEqualTo("1,2");
        assertThat(db.queryValue("SELECT string_agg(body, '|' ORDER BY body) FROM notes")).isEqualTo("ab'; SELECT 2; --|c; d");
        assertThat(db.count("SELECT count(*) FROM amount€$$")).isEqualTo(1);
        assertThat(migrator.current()).containsExactly("lex001");

        migrator.downgrade("base");
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'migrator%'"))
                .isZero();
    }

    @Test
    void aStatementTheDriverWouldCutIsRefusedNamingTheUsersStatementNotTheBookkeeping(TestDatabase db) throws IOException {
        // The JDBC driver does not know that a continued E'' string keeps its escapes: it reads this one UPDATE as
        // two statements and refuses it in the revision's batch. The error names the UPDATE and its line.
        write("drv001_cut.sql", """
                -- Revision: drv001
                -- migrate:upgrade
                CREATE TABLE notes (body text);
                UPDATE notes SET body = E'a'
                  'b\\'; x';
                -- migrate:downgrade
                DROP TABLE notes;
                """);
        Migrator migrator = load(db);

        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .hasMessageContaining("drv001_cut.sql:4) failed")
                .hasMessageContaining("Statement: UPDATE notes SET body = E'a' 'b\\'; x'")
                .hasMessageContaining("the JDBC driver reads this statement as several")
                .hasMessageContaining("Write the literal on one line or dollar-quote it")
                .hasMessageNotContaining("lock_timeout")
                .hasMessageNotContaining("bookkeeping");
        assertThat(db.tableExists("notes")).isFalse();
        assertThat(migrator.log(1).get(0).error()).contains("drv001_cut.sql:4").doesNotContain("bookkeeping");
    }

    private Migrator load(TestDatabase db) {
        return Migrator.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).load();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
