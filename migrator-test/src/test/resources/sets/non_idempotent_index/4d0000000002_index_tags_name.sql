-- Revision: 4d0000000002
-- Revises: 2b0000000001
-- Message: index tags.name concurrently, without IF NOT EXISTS
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY tags_name_idx ON tags (name);

-- migrate:downgrade
DROP INDEX CONCURRENTLY tags_name_idx;
