-- Revision: md_safe
-- Revises: md_setup
-- Message: md_safe

-- migrate:upgrade
ALTER TABLE md_notes ADD COLUMN tag2 text;

-- migrate:downgrade
ALTER TABLE md_notes DROP COLUMN tag2;
