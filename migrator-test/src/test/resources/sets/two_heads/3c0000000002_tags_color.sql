-- Revision: 3c0000000002
-- Revises: 2b0000000001
-- Message: tags.color

-- migrate:upgrade
ALTER TABLE tags ADD COLUMN color text;

-- migrate:downgrade
ALTER TABLE tags DROP COLUMN color;
