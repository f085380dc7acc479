-- Revision: m5
-- Revises: m4
-- Message: a concurrent index: SHARE UPDATE EXCLUSIVE
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS m_orders_flag_idx ON m_orders (flag);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS m_orders_flag_idx;
