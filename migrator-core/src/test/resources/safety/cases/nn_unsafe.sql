-- Revision: nn_unsafe
-- Revises: nn_setup
-- Message: nn_unsafe

-- migrate:upgrade
ALTER TABLE nn_accounts ADD COLUMN plan text NOT NULL;

-- migrate:downgrade
ALTER TABLE nn_accounts DROP COLUMN plan;
