-- Revision: bc_safe
-- Revises: bc_setup
-- Message: bc_safe
-- Phase: contract

-- migrate:upgrade
ALTER TABLE bc_users DROP COLUMN alias;
DROP TABLE bc_legacy2;

-- migrate:downgrade
CREATE TABLE bc_legacy2 (id bigint PRIMARY KEY);
ALTER TABLE bc_users ADD COLUMN alias text;
