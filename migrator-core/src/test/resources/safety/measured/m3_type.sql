-- Revision: m3
-- Revises: m2
-- Message: int to bigint: a rewrite

-- migrate:upgrade
ALTER TABLE m_orders ALTER COLUMN qty TYPE bigint;

-- migrate:downgrade
ALTER TABLE m_orders ALTER COLUMN qty TYPE integer;
