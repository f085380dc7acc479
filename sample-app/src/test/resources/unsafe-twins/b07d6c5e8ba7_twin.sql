-- Revision: b07d6c5e8ba7
-- Revises: af6c5b4d7a96
-- Message: unsafe twin of b07d6c5e8ba7
-- Phase: expand

-- migrate:upgrade
-- The unsafe twin of the sample's revision b07d6c5e8ba7: flagged by breaking-change-in-expand
ALTER TABLE users RENAME COLUMN name TO display_name;

-- migrate:downgrade
ALTER TABLE users RENAME COLUMN display_name TO name;
