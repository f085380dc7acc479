-- Revision: 1a0000000005
-- Revises: 1a0000000004
-- Message: index orders.state concurrently
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_state_idx ON orders (state);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS orders_state_idx;
