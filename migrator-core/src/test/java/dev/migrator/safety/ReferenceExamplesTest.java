package dev.migrator.safety;

import dev.migrator.safety.Rule.Level;
import dev.migrator.safety.SafetyReport.Finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linter on the documented examples of the rules it shares with squawk (docs/docs/*.md of sbdchd/squawk)
 * and strong_migrations (its README), each written as the SQL the example runs (a Rails method as the SQL Rails
 * sends), on tables an earlier revision created, analysed offline. Each example records the other tool's
 * verdict and ours; docs/safety-rules.md reports the agreement these numbers assert.
 */
class ReferenceExamplesTest {

    /** @param ours the rule we flag it with, or null for clean */
    record Example(String tool, String source, String sql, boolean transactional, String phase, boolean toolFlags, Rule ours) {
        boolean agrees() {
            return toolFlags == (ours != null);
        }
    }

    private static final String PRELUDE = """
            CREATE TABLE recipe (id bigint PRIMARY KEY, view_count bigint);
            CREATE TABLE core_recipe (id bigint PRIMARY KEY, bar integer, baz integer);
            CREATE TABLE "user" (id bigint PRIMARY KEY);
            CREATE TABLE email (id bigint PRIMARY KEY, user_id bigint);
            CREATE TABLE account (id bigint, name text);
            CREATE TABLE distributors (id bigint PRIMARY KEY, dist_id text);
            CREATE TABLE app_user (id bigint PRIMARY KEY, email text);
            CREATE SCHEMA app;
            CREATE TABLE app.app_user (id bigint PRIMARY KEY, email text);
            CREATE INDEX email_idx ON app.app_user (email);
            CREATE TABLE user_email (id bigint PRIMARY KEY, user_id integer, label varchar(5), note varchar);
            CREATE TABLE accounts (id bigint PRIMARY KEY, balance integer);
            CREATE TABLE user_stars (id bigint PRIMARY KEY);
            CREATE TABLE a (a_id integer PRIMARY KEY);
            CREATE TABLE b (b_id integer PRIMARY KEY, a_id integer REFERENCES a (a_id));
            CREATE TABLE orders (id bigint PRIMARY KEY);
            CREATE TABLE users (id bigint PRIMARY KEY, name text, some_column integer, price integer, order_id bigint,
                                amount numeric(10, 2), code varchar(20), label text, seen timestamp(3), net cidr,
                                at timestamp);
            CREATE TABLE cities_users (user_id bigint, city_id bigint);
            CREATE TABLE app_users (id bigint PRIMARY KEY, created_ts text);
            """;

    static final List<Example> EXAMPLES = new ArrayList<>();

    private static void squawk(String page, String sql, boolean transactional, boolean flags, Rule ours) {
        EXAMPLES.add(new Example("squawk", page, sql, transactional, "expand", flags, ours));
    }

    private static void strong(String section, String sql, boolean transactional, String phase, boolean flags, Rule ours) {
        EXAMPLES.add(new Example("strong_migrations", section, sql, transactional, phase, flags, ours));
    }

    static {
        // squawk: each page's "instead of" (flagged) and "use" (clean) SQL
        squawk("adding-required-field", "ALTER TABLE \"recipe\" ADD COLUMN \"public\" boolean NOT NULL", true, true,
                Rule.ADDING_NOT_NULL_COLUMN);
        squawk("adding-required-field", "ALTER TABLE \"recipe\" ADD COLUMN \"public\" boolean", true, false, null);
        squawk("adding-required-field", "ALTER TABLE \"recipe\" ADD COLUMN \"public\" boolean NOT NULL DEFAULT false", true,
                false, null);
        squawk("adding-field-with-default", "ALTER TABLE \"core_recipe\" ADD COLUMN \"foo\" integer DEFAULT 10 NOT NULL", true,
                false, null);
        squawk("adding-field-with-default", "ALTER TABLE \"core_recipe\" ADD COLUMN \"foo\" integer GENERATED ALWAYS as "
                + "(\"bar\" + \"baz\") STORED", true, true, Rule.VOLATILE_DEFAULT);
        squawk("adding-field-with-default", "ALTER TABLE \"core_recipe\" ADD COLUMN \"foo\" integer;\n"
                + "ALTER TABLE \"core_recipe\" ALTER COLUMN \"foo\" SET DEFAULT 10;\n"
                + "ALTER TABLE \"core_recipe\" ALTER COLUMN \"foo\" SET NOT NULL", true, false, Rule.SET_NOT_NULL);
        squawk("adding-foreign-key-constraint", "ALTER TABLE \"email\" ADD CONSTRAINT \"fk_user\" FOREIGN KEY (\"user_id\") "
                + "REFERENCES \"user\" (\"id\")", true, true, Rule.CONSTRAINT_WITHOUT_NOT_VALID);
        squawk("adding-foreign-key-constraint", "ALTER TABLE \"email\" ADD CONSTRAINT \"fk_user\" FOREIGN KEY (\"user_id\") "
                + "REFERENCES \"user\" (\"id\") NOT VALID;\nALTER TABLE \"email\" VALIDATE CONSTRAINT \"fk_user\"", false, false, null);
        squawk("adding-foreign-key-constraint", "CREATE TABLE email2 (id BIGINT GENERATED ALWAYS AS IDENTITY, user_id BIGINT, "
                + "email TEXT, PRIMARY KEY(id), CONSTRAINT fk_user FOREIGN KEY (\"user_id\") REFERENCES \"user\" (\"id\"))",
                true, false, null);
        squawk("adding-not-nullable-field", "ALTER TABLE \"recipe\" ALTER COLUMN \"view_count\" SET NOT NULL", true, true,
                Rule.SET_NOT_NULL);
        squawk("adding-not-nullable-field", "ALTER TABLE \"recipe\" ADD CONSTRAINT view_count_not_null CHECK "
                + "(\"view_count\" IS NOT NULL) NOT VALID;\nALTER TABLE \"recipe\" VALIDATE CONSTRAINT view_count_not_null;\n"
                + "ALTER TABLE recipe ALTER COLUMN view_count SET NOT NULL", false, false, null);
        squawk("adding-serial-primary-key-field", "ALTER TABLE account ADD PRIMARY KEY (id)", true, true,
                Rule.UNIQUE_CONSTRAINT_BUILDS_INDEX);
        squawk("adding-serial-primary-key-field", "CREATE UNIQUE INDEX CONCURRENTLY account_pk_idx ON account (id);\n"
                + "ALTER TABLE account ADD CONSTRAINT account_pk PRIMARY KEY USING INDEX account_pk_idx", false, false, null);
        squawk("disallowed-unique-constraint", "ALTER TABLE distributors ADD CONSTRAINT dist_id_uniq UNIQUE (dist_id)", true,
                true, Rule.UNIQUE_CONSTRAINT_BUILDS_INDEX);
        squawk("disallowed-unique-constraint", "CREATE UNIQUE INDEX CONCURRENTLY dist_id_uniq ON distributors (dist_id);\n"
                + "ALTER TABLE distributors ADD CONSTRAINT distributors_dist_id_key UNIQUE USING INDEX dist_id_uniq", false,
                false, null);
        squawk("disallowed-unique-constraint", "ALTER TABLE distributors ADD COLUMN dist_id2 text CONSTRAINT dist_id_uniq UNIQUE",
                true, true, Rule.UNIQUE_CONSTRAINT_BUILDS_INDEX);
        squawk("require-concurrent-index-creation", "CREATE INDEX \"email_idx2\" ON \"app_user\" (\"email\")", true, true,
                Rule.CREATE_INDEX_NON_CONCURRENTLY);
        squawk("require-concurrent-index-creation", "CREATE INDEX CONCURRENTLY \"email_idx2\" ON \"app_user\" (\"email\")",
                false, false, null);
        squawk("require-concurrent-index-deletion", "DROP INDEX \"app\".\"email_idx\"", true, true,
                Rule.DROP_INDEX_NON_CONCURRENTLY);
        squawk("require-concurrent-index-deletion", "DROP INDEX CONCURRENTLY \"app\".\"email_idx\"", false, false, null);
        squawk("ban-concurrent-index-creation-in-transaction", "CREATE INDEX CONCURRENTLY \"email_idx3\" ON \"app_user\" "
                + "(\"email\")", true, true, Rule.CONCURRENTLY_IN_TRANSACTION);
        squawk("changing-column-type", "ALTER TABLE user_email ALTER COLUMN user_id TYPE BIGINT", true, true,
                Rule.COLUMN_TYPE_CHANGE);
        squawk("changing-column-type", "ALTER TABLE user_email ALTER COLUMN note TYPE TEXT", true, false, null);
        squawk("changing-column-type", "ALTER TABLE user_email ALTER COLUMN label TYPE VARCHAR(10)", true, false, null);
        squawk("constraint-missing-not-valid", "ALTER TABLE \"accounts\" ADD CONSTRAINT \"positive_balance\" CHECK "
                + "(\"balance\" >= 0)", true, true, Rule.CONSTRAINT_WITHOUT_NOT_VALID);
        squawk("constraint-missing-not-valid", "ALTER TABLE \"accounts\" ADD CONSTRAINT \"positive_balance\" CHECK "
                + "(\"balance\" >= 0) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT positive_balance", true, false,
                Rule.CONSTRAINT_WITHOUT_NOT_VALID);
        squawk("renaming-table", "ALTER TABLE user_stars RENAME TO user_favorites", true, true, Rule.BREAKING_CHANGE_IN_EXPAND);
        squawk("ban-truncate-cascade", "truncate a cascade", true, true, Rule.TRUNCATE);
        squawk("ban-truncate-cascade", "truncate a, b", true, false, Rule.TRUNCATE);
        squawk("ban-char-field", "CREATE TABLE \"app_user2\" (\"id\" bigint NOT NULL PRIMARY KEY, \"name\" char(100) NOT NULL, "
                + "\"email\" character NOT NULL)", true, true, Rule.CHAR_TYPE);
        squawk("ban-char-field", "CREATE TABLE \"app_user2\" (\"id\" bigint NOT NULL PRIMARY KEY, \"name\" varchar(100) "
                + "NOT NULL, \"email\" TEXT NOT NULL)", true, false, null);
        squawk("prefer-bigint-over-int", "CREATE TABLE posts (id serial primary key)", true, true, Rule.INT_PRIMARY_KEY);
        squawk("prefer-bigint-over-int", "CREATE TABLE posts (id int primary key)", true, true, Rule.INT_PRIMARY_KEY);
        squawk("prefer-bigint-over-int", "CREATE TABLE posts (id bigserial primary key)", true, false, null);
        squawk("prefer-bigint-over-int", "CREATE TABLE posts (id bigint primary key)", true, false, null);
        squawk("prefer-identity", "create table app.users (id bigserial)", true, true, null);
        squawk("prefer-timestamptz", "create table app.users2 (created_ts timestamp, modified_ts timestamp without time zone)",
                true, true, Rule.TIMESTAMP_WITHOUT_TIME_ZONE);
        squawk("prefer-timestamptz", "alter table app_users alter column created_ts type timestamp", true, true,
                Rule.TIMESTAMP_WITHOUT_TIME_ZONE);
        squawk("prefer-timestamptz", "create table app.users2 (created_ts timestamptz, modified_ts timestamptz)", true, false,
                null);

        // strong_migrations: the README's Bad and Good examples, as the SQL Rails sends
        strong("Removing a column", "ALTER TABLE users DROP COLUMN some_column", true, "expand", true,
                Rule.BREAKING_CHANGE_IN_EXPAND);
        strong("Removing a column (after the code stopped using it)", "ALTER TABLE users DROP COLUMN some_column", true,
                "contract", false, null);
        strong("Changing the type of a column", "ALTER TABLE users ALTER COLUMN some_column TYPE bigint", true, "expand", true,
                Rule.COLUMN_TYPE_CHANGE);
        strong("Changing the type of a column: string to text", "ALTER TABLE users ALTER COLUMN code TYPE text", true,
                "expand", false, null);
        strong("Changing the type of a column: increasing :limit", "ALTER TABLE users ALTER COLUMN code TYPE varchar(40)", true,
                "expand", false, null);
        strong("Changing the type of a column: decimal precision at same scale",
                "ALTER TABLE users ALTER COLUMN amount TYPE numeric(12, 2)", true, "expand", false, null);
        strong("Changing the type of a column: removing decimal precision and scale",
                "ALTER TABLE users ALTER COLUMN amount TYPE numeric", true, "expand", false, null);
        strong("Changing the type of a column: datetime precision increased",
                "ALTER TABLE users ALTER COLUMN seen TYPE timestamp(6)", true, "expand", false, null);
        strong("Changing the type of a column: cidr to inet", "ALTER TABLE users ALTER COLUMN net TYPE inet", true, "expand",
                false, null);
        strong("Changing the type of a column: datetime to timestamptz (UTC session)",
                "ALTER TABLE users ALTER COLUMN at TYPE timestamptz", true, "expand", false, Rule.COLUMN_TYPE_CHANGE);
        strong("Renaming a column", "ALTER TABLE users RENAME COLUMN some_column TO new_name", true, "expand", true,
                Rule.BREAKING_CHANGE_IN_EXPAND);
        strong("Renaming a table", "ALTER TABLE users RENAME TO customers", true, "expand", true, Rule.BREAKING_CHANGE_IN_EXPAND);
        strong("Adding an auto-incrementing column", "ALTER TABLE cities_users ADD COLUMN id bigserial PRIMARY KEY", true,
                "expand", true, Rule.VOLATILE_DEFAULT);
        strong("Adding a stored generated column", "ALTER TABLE users ADD COLUMN some_column2 text GENERATED ALWAYS AS "
                + "(upper(name)) STORED", true, "expand", true, Rule.VOLATILE_DEFAULT);
        strong("Adding a foreign key", "ALTER TABLE users ADD CONSTRAINT fk_rails_1 FOREIGN KEY (order_id) REFERENCES orders (id)",
                true, "expand", true, Rule.CONSTRAINT_WITHOUT_NOT_VALID);
        strong("Adding a foreign key (validate: false)", "ALTER TABLE users ADD CONSTRAINT fk_rails_1 FOREIGN KEY (order_id) "
                + "REFERENCES orders (id) NOT VALID", true, "expand", false, null);
        strong("Adding a foreign key (validated in a separate migration)", "ALTER TABLE users VALIDATE CONSTRAINT fk_rails_1",
                true, "expand", false, null);
        strong("Adding a check constraint", "ALTER TABLE users ADD CONSTRAINT price_check CHECK (price > 0)", true, "expand",
                true, Rule.CONSTRAINT_WITHOUT_NOT_VALID);
        strong("Adding a check constraint (validate: false)", "ALTER TABLE users ADD CONSTRAINT price_check CHECK (price > 0) "
                + "NOT VALID", true, "expand", false, null);
        strong("Backfilling data (strong_migrations does not detect it)", "ALTER TABLE users ADD COLUMN some_column3 text;\n"
                + "UPDATE users SET some_column3 = 'default_value'", true, "expand", false, Rule.UNBOUNDED_DATA_CHANGE);
        strong("Backfilling data (batched, disable_ddl_transaction!)", "UPDATE users SET some_column3 = 'default_value' "
                + "WHERE id >= 1 AND id < 10001 AND some_column3 IS NULL", false, "expand", false, null);
        strong("Adding an index non-concurrently", "CREATE INDEX index_users_on_some_column ON users (some_column)", true,
                "expand", true, Rule.CREATE_INDEX_NON_CONCURRENTLY);
        strong("Adding an index concurrently", "CREATE INDEX CONCURRENTLY index_users_on_some_column ON users (some_column)",
                false, "expand", false, null);
        strong("Adding an index on a table created in the same migration", "CREATE TABLE widgets (id bigint PRIMARY KEY, "
                + "name text);\nCREATE INDEX index_widgets_on_name ON widgets (name)", true, "expand", false, null);
        strong("Adding a reference", "ALTER TABLE users ADD COLUMN city_id bigint;\n"
                + "CREATE INDEX index_users_on_city_id ON users (city_id)", true, "expand", true,
                Rule.CREATE_INDEX_NON_CONCURRENTLY);
        strong("Adding a reference (index concurrently)", "ALTER TABLE users ADD COLUMN city_id bigint;\n"
                + "CREATE INDEX CONCURRENTLY index_users_on_city_id ON users (city_id)", false, "expand", false, null);
        strong("Adding a unique constraint", "ALTER TABLE users ADD CONSTRAINT uniq_some_column UNIQUE (some_column)", true,
                "expand", true, Rule.UNIQUE_CONSTRAINT_BUILDS_INDEX);
        strong("Adding a unique constraint (index concurrently, then using it)", "CREATE UNIQUE INDEX CONCURRENTLY "
                + "index_users_on_some_column ON users (some_column);\nALTER TABLE users ADD CONSTRAINT uniq_some_column "
                + "UNIQUE USING INDEX index_users_on_some_column", false, "expand", false, null);
        strong("Adding a json column", "ALTER TABLE users ADD COLUMN properties json", true, "expand", true, Rule.PREFER_JSONB);
        strong("Adding a json column (jsonb)", "ALTER TABLE users ADD COLUMN properties jsonb", true, "expand", false, null);
        strong("Adding a column with a volatile default value", "ALTER TABLE users ADD COLUMN some_uuid uuid DEFAULT "
                + "gen_random_uuid()", true, "expand", true, Rule.VOLATILE_DEFAULT);
        strong("Adding a column with a volatile default value (default set after)", "ALTER TABLE users ADD COLUMN some_uuid "
                + "uuid;\nALTER TABLE users ALTER COLUMN some_uuid SET DEFAULT gen_random_uuid()", true, "expand", false, null);
        strong("Setting NOT NULL on an existing column", "ALTER TABLE users ALTER COLUMN some_column SET NOT NULL", true,
                "expand", true, Rule.SET_NOT_NULL);
        strong("Setting NOT NULL (check constraint, validate: false)", "ALTER TABLE users ADD CONSTRAINT users_some_column_null "
                + "CHECK (some_column IS NOT NULL) NOT VALID", true, "expand", false, null);
        strong("Removing an index non-concurrently (opt-in check)", "DROP INDEX app.email_idx", true, "expand", false,
                Rule.DROP_INDEX_NON_CONCURRENTLY);
    }

    /** The second step of strong_migrations' NOT NULL example, a migration after the NOT VALID check. */
    private static final String NOT_NULL_SECOND_MIGRATION = "ALTER TABLE users VALIDATE CONSTRAINT users_some_column_null;\n"
            + "ALTER TABLE users ALTER COLUMN some_column SET NOT NULL;\n"
            + "ALTER TABLE users DROP CONSTRAINT users_some_column_null";

    @TempDir
    static Path dir;

    private static SafetyReport report;

    @BeforeAll
    static void analyse() throws IOException {
        write("x000", null, PRELUDE, true, "expand");
        for (int i = 0; i < EXAMPLES.size(); i++) {
            Example example = EXAMPLES.get(i);
            write(id(i), "x000", example.sql(), example.transactional(), example.phase());
        }
        int notValid = indexOf("Setting NOT NULL (check constraint, validate: false)");
        write("x_not_null_2", id(notValid), NOT_NULL_SECOND_MIGRATION, true, "expand");
        Migrator migrator = Migrator.configure().url("jdbc:postgresql://localhost:1/not_used", null, null)
                .locations("filesystem:" + dir).load();
        report = migrator.analyze("heads", SafetyOptions.offline());
    }

    private static int indexOf(String source) {
        for (int i = 0; i < EXAMPLES.size(); i++) {
            if (EXAMPLES.get(i).source().equals(source)) {
                return i;
            }
        }
        throw new IllegalArgumentException(source);
    }

    private static String id(int i) {
        return String.format("x%03d", i + 1);
    }

    private static void write(String id, String revises, String sql, boolean transactional, String phase) throws IOException {
        String text = "-- Revision: " + id + "\n" + (revises == null ? "" : "-- Revises: " + revises + "\n")
                + "-- Message: example\n-- Phase: " + phase + "\n" + (transactional ? "" : "-- Transactional: false\n")
                + "-- Irreversible: an example\n\n-- migrate:upgrade\n" + sql + ";\n";
        Files.writeString(dir.resolve(id + ".sql"), text);
    }

    /**
     * The rules we flag the example with: error-level ones, and the style warning the example is about (a
     * style warning on the type an example happens to write, {@code timestamp(6)} say, is not a verdict on it).
     */
    private static List<Rule> ourRules(int i) {
        Rule about = EXAMPLES.get(i).ours();
        return report.findingsOf(id(i)).stream().filter(f -> !f.suppressed())
                .filter(f -> f.level() == Level.ERROR || f.rule() == about).map(Finding::rule).distinct().toList();
    }

    @Test
    void eachExampleGetsTheVerdictRecordedForIt() {
        for (int i = 0; i < EXAMPLES.size(); i++) {
            Example example = EXAMPLES.get(i);
            if (example.ours() == null) {
                assertThat(ourRules(i)).as(example.tool() + " " + example.source() + ": " + example.sql()).isEmpty();
            } else {
                assertThat(ourRules(i)).as(example.tool() + " " + example.source() + ": " + example.sql())
                        .contains(example.ours());
            }
        }
        assertThat(report.findingsOf("x_not_null_2")).as("validated in a later migration, then SET NOT NULL").isEmpty();
        assertThat(report.findingsOf("x000")).as("the prelude").allMatch(f -> f.level() == Level.WARNING);
    }

    @Test
    void agreementAsReportedInTheDocs() {
        long squawk = EXAMPLES.stream().filter(e -> e.tool().equals("squawk")).count();
        long squawkAgree = EXAMPLES.stream().filter(e -> e.tool().equals("squawk") && e.agrees()).count();
        long strong = EXAMPLES.stream().filter(e -> e.tool().equals("strong_migrations")).count();
        long strongAgree = EXAMPLES.stream().filter(e -> e.tool().equals("strong_migrations") && e.agrees()).count();
        // docs/safety-rules.md, "Agreement with squawk and strong_migrations"
        assertThat(squawkAgree + "/" + squawk).isEqualTo("35/39");
        assertThat(strongAgree + "/" + strong).isEqualTo("32/35");
    }
}
