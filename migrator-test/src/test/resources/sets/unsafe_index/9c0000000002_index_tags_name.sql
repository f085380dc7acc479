-- Revision: 9c0000000002
-- Revises: 9c0000000001
-- Message: index tags.name

-- migrate:upgrade
CREATE INDEX tags_name_idx ON tags (name);

-- migrate:downgrade
DROP INDEX tags_name_idx;
