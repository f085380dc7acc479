-- Revision: m2
-- Revises: m1
-- Message: a column with a constant default: ACCESS EXCLUSIVE, no rewrite

-- migrate:upgrade
ALTER TABLE m_orders ADD COLUMN flag boolean DEFAULT false;

-- migrate:downgrade
ALTER TABLE m_orders DROP COLUMN flag;
