-- Revision: af6c5b4d7a96
-- Revises: 9e5b4a3c6f85
-- Message: index orders.created_at concurrently
-- Transactional: false

-- migrate:upgrade
-- CONCURRENTLY builds the index without blocking writes; it cannot run inside a transaction, hence
-- Transactional: false. A failed build leaves an INVALID index: Migrator drops it and retries on the
-- next run, and never records this revision while an INVALID index remains.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx;
