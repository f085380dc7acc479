-- Revision: uq_unsafe
-- Revises: uq_setup
-- Message: uq_unsafe

-- migrate:upgrade
ALTER TABLE uq_accounts ADD CONSTRAINT uq_accounts_email_key UNIQUE (email);

-- migrate:downgrade
ALTER TABLE uq_accounts DROP CONSTRAINT uq_accounts_email_key;
