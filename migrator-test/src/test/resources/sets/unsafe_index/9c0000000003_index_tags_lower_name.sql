-- Revision: 9c0000000003
-- Revises: 9c0000000002
-- Message: index lower(tags.name), reviewed

-- migrate:upgrade
-- migrator:allow create-index-non-concurrently: tags holds a few hundred rows in every environment
CREATE INDEX tags_lower_name_idx ON tags (lower(name));

-- migrate:downgrade
DROP INDEX tags_lower_name_idx;
