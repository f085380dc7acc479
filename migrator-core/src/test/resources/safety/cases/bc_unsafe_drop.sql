-- Revision: bc_unsafe_drop
-- Revises: bc_setup
-- Message: bc_unsafe_drop

-- migrate:upgrade
ALTER TABLE bc_users DROP COLUMN nickname;
DROP TABLE bc_legacy;

-- migrate:downgrade
CREATE TABLE bc_legacy (id bigint PRIMARY KEY);
ALTER TABLE bc_users ADD COLUMN nickname text;
