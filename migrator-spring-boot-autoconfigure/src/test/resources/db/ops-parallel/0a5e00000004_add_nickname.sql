-- Revision: 0a5e00000004
-- Revises: 0a5e00000002
-- Message: add nickname to accounts, beside the contract revision 0a5e00000003

-- migrate:upgrade
ALTER TABLE accounts ADD COLUMN nickname text;

-- migrate:downgrade
ALTER TABLE accounts DROP COLUMN nickname;
