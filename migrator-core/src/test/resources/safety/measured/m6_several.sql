-- Revision: m6
-- Revises: m5
-- Message: two statements in one transaction; a default from a volatile function

-- migrate:upgrade
ALTER TABLE m_orders ADD COLUMN score double precision DEFAULT m_score();
ALTER TABLE m_orders ALTER COLUMN qty TYPE integer;
ALTER TABLE m_orders ADD COLUMN one double precision DEFAULT m_one();

-- migrate:downgrade
ALTER TABLE m_orders DROP COLUMN one;
ALTER TABLE m_orders ALTER COLUMN qty TYPE bigint;
ALTER TABLE m_orders DROP COLUMN score;
