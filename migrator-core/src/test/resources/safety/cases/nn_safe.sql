-- Revision: nn_safe
-- Revises: nn_setup
-- Message: nn_safe

-- migrate:upgrade
-- a constant default fills existing rows without a rewrite (PostgreSQL 11+)
ALTER TABLE nn_accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';

-- migrate:downgrade
ALTER TABLE nn_accounts DROP COLUMN plan;
