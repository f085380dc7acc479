-- Revision: cc_unsafe
-- Revises: cc_setup
-- Message: cc_unsafe

-- migrate:upgrade
CREATE INDEX CONCURRENTLY cc_logs_at_idx ON cc_logs (at);

-- migrate:downgrade
DROP INDEX CONCURRENTLY cc_logs_at_idx;
