-- Revision: c18e7d6f9cb8
-- Revises: a5c2b1d03f12
-- Message: unsafe twin of c18e7d6f9cb8
-- Phase: contract
-- Transactional: false

-- migrate:upgrade
-- The unsafe twin of the sample's revision c18e7d6f9cb8: flagged by drop-cascade
DROP TRIGGER IF EXISTS users_sync_display_name ON users;
DROP FUNCTION IF EXISTS users_sync_display_name();
ALTER TABLE users DROP COLUMN name CASCADE;

-- migrate:downgrade
ALTER TABLE users ADD COLUMN name text;
