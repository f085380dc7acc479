-- Revision: md_unsafe
-- Revises: md_setup
-- Message: md_unsafe

-- migrate:upgrade
ALTER TABLE md_notes ADD COLUMN tag text;

-- migrate:downgrade
-- nothing here
