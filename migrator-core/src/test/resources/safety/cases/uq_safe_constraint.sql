-- Revision: uq_safe_constraint
-- Revises: uq_safe
-- Message: uq_safe_constraint

-- migrate:upgrade
ALTER TABLE uq_accounts ADD CONSTRAINT uq_accounts_email_key2 UNIQUE USING INDEX uq_accounts_email_idx;

-- migrate:downgrade
ALTER TABLE uq_accounts DROP CONSTRAINT uq_accounts_email_key2;
CREATE UNIQUE INDEX uq_accounts_email_idx ON uq_accounts (email);
