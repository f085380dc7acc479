-- Revision: cc_safe
-- Revises: cc_setup
-- Message: cc_safe
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS cc_logs_at_idx ON cc_logs (at);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS cc_logs_at_idx;
