-- Statements in the style of PostgreSQL's regression scripts (rules.sql, create_function_sql.sql,
-- strings.sql, plpgsql.sql), written for this test: each one must reach the server as exactly one
-- statement (SplitterOnServerTest runs them one by one and counts results).
CREATE TABLE rtest_system (sysname text, sysdesc text);
CREATE TABLE rtest_interface (sysname text, ifname text);
CREATE TABLE rtest_admin (pname text, sysname text);
CREATE RULE rtest_sys_upd AS ON UPDATE TO rtest_system DO ALSO (
    UPDATE rtest_interface SET sysname = new.sysname WHERE sysname = old.sysname;
    UPDATE rtest_admin SET sysname = new.sysname WHERE sysname = old.sysname
    );
CREATE RULE rtest_sys_del AS ON DELETE TO rtest_system DO (
    DELETE FROM rtest_interface WHERE sysname = old.sysname;
    DELETE FROM rtest_admin WHERE sysname = old.sysname;
    );
INSERT INTO rtest_system VALUES ('orion', 'Linux; Jan Wieck');
INSERT INTO rtest_interface VALUES ('orion', 'eth0');
UPDATE rtest_system SET sysname = 'pluto' WHERE sysname = 'orion';

/* SQL-standard function bodies: CASE ... END inside, end and case as labels and qualified names */
CREATE FUNCTION functest_s_1(a text, b date) RETURNS boolean LANGUAGE sql
RETURN a = 'abcd' AND b > '2001-01-01';
CREATE FUNCTION functest_s_2(a int) RETURNS TABLE (start int, "end" int, kind text) LANGUAGE sql
BEGIN ATOMIC
    SELECT a AS start, a + 1 AS end, CASE WHEN a > 0 THEN 'pos;itive' ELSE 'other' END AS case;
    SELECT s.end, s.start, 'x' FROM (SELECT 1 AS start, 2 AS end) AS s WHERE s . end > 0;
END;
CREATE PROCEDURE functest_p_1(x int) LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO rtest_admin VALUES ('proc;' || x, CASE x WHEN 1 THEN 'one' ELSE (CASE WHEN x > 1 THEN 'many' END) END);
END;
CALL functest_p_1(1);

-- PL/pgSQL: dollar quotes, nested tags, a quote of a quote
CREATE FUNCTION recurse(int) RETURNS int AS $$
DECLARE
    q text := $q$ SELECT 1; -- not a comment $q$;
BEGIN
    IF $1 > 0 THEN
        RETURN recurse($1 - 1) + 1;
    END IF;
    RETURN 0;
END;
$$ LANGUAGE plpgsql;
DO $do$ BEGIN PERFORM recurse(3); RAISE NOTICE 'done; $$ still inside'; END $do$;
PREPARE q1(int) AS SELECT $1 + 1 AS one$plus, 'a$$b';
EXECUTE q1(1);
DEALLOCATE q1;

-- strings.sql: escapes, continuations, Unicode escapes, bit and hex strings
SELECT 'first line'
' - next line'
    ' - third line' AS "Three lines to one;";
SELECT (E'a\'b' -- a comment between the parts
  '\'; still the same literal; \\') AS continued;
SELECT U&'d\0061t\+000061; ok' AS "U&""; name", U&'d!0061t\+000061' UESCAPE '!' AS uescape;
SELECT B'1001' || B'0110', X'1F' AS hex, e'\\;\'' AS backslashes, N'national; string';
SELECT 'it''s; fine', $_$;$_$, $€$€; and €$€$;

-- identifiers: every character from U+0080 up is an identifier character
CREATE TABLE naïve (amount€$$ int, "quoted;""col" text, €uro$ numeric);
INSERT INTO naïve VALUES (1, 'a', 2.5);
SELECT amount€$$, "quoted;""col", €uro$ FROM naïve WHERE amount€$$ = 1 /* a /* nested */ comment; */;
COMMENT ON TABLE naïve IS 'a table; with a comment';
