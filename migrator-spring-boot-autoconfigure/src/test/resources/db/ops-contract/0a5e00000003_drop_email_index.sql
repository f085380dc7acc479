-- Revision: 0a5e00000003
-- Revises: 0a5e00000002
-- Message: accounts.email no longer indexed
-- Phase: contract

-- migrate:upgrade
DROP INDEX accounts_email_idx;

-- migrate:downgrade
CREATE INDEX accounts_email_idx ON accounts (email);
