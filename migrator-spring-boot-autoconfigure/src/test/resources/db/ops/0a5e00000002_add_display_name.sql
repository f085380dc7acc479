-- Revision: 0a5e00000002
-- Revises: 0a5e00000001
-- Message: add display_name to accounts

-- migrate:upgrade
ALTER TABLE accounts ADD COLUMN display_name text;

-- migrate:downgrade
ALTER TABLE accounts DROP COLUMN display_name;

-- migrate:verify
SELECT count(*) = 0 FROM accounts WHERE display_name IS NULL;
