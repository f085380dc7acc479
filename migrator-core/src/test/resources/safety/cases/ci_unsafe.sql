-- Revision: ci_unsafe
-- Revises: ci_setup
-- Message: ci_unsafe

-- migrate:upgrade
CREATE INDEX ci_events_kind_idx ON ci_events (kind);

-- migrate:downgrade
DROP INDEX ci_events_kind_idx;
