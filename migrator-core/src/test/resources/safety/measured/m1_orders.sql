-- Revision: m1
-- Message: orders with 1000 rows, analysed
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE m_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, qty integer, note text);
INSERT INTO m_orders (qty, note) SELECT g, 'note ' || g FROM generate_series(1, 1000) g;
ANALYZE m_orders;
-- functions left at the default volatility (VOLATILE), unknown to the linter's built-in lists: PostgreSQL
-- calls the PL/pgSQL one for every row, but inlines the SQL one into a constant
CREATE FUNCTION m_score() RETURNS double precision LANGUAGE plpgsql AS 'BEGIN RETURN 1.0; END';
CREATE FUNCTION m_one() RETURNS double precision LANGUAGE sql AS 'SELECT 1.0::double precision';
