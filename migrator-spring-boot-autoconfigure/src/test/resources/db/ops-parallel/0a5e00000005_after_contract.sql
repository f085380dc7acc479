-- Revision: 0a5e00000005
-- Revises: 0a5e00000003
-- Message: needs the contract revision 0a5e00000003

-- migrate:upgrade
CREATE INDEX accounts_display_name_idx ON accounts (display_name);

-- migrate:downgrade
DROP INDEX accounts_display_name_idx;
