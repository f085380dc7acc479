-- Revision: uq_safe
-- Revises: uq_setup
-- Message: uq_safe
-- Transactional: false

-- migrate:upgrade
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_accounts_email_idx ON uq_accounts (email);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS uq_accounts_email_idx;
