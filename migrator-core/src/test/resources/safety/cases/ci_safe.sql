-- Revision: ci_safe
-- Revises: ci_setup
-- Message: ci_safe
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS ci_events_kind_idx2 ON ci_events (kind);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS ci_events_kind_idx2;
