-- Revision: af6c5b4d7a96
-- Revises: 9e5b4a3c6f85
-- Message: unsafe twin of af6c5b4d7a96

-- migrate:upgrade
-- The unsafe twin of the sample's revision af6c5b4d7a96: flagged by concurrently-in-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx;
