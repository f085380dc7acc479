-- Revision: bc_unsafe
-- Revises: bc_setup
-- Message: bc_unsafe

-- migrate:upgrade
ALTER TABLE bc_users RENAME COLUMN name TO full_name;

-- migrate:downgrade
ALTER TABLE bc_users RENAME COLUMN full_name TO name;
