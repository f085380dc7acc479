-- Revision: di_safe
-- Revises: di_setup
-- Message: di_safe
-- Phase: contract
-- Transactional: false

-- migrate:upgrade
DROP INDEX CONCURRENTLY IF EXISTS di_items_name_idx2;

-- migrate:downgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS di_items_name_idx2 ON di_items (name);
