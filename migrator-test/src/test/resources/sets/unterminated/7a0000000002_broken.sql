-- Revision: 7a0000000002
-- Revises: 2b0000000001
-- Message: a quote left open

-- migrate:upgrade
INSERT INTO tags (name) VALUES ('unfinished);

-- migrate:downgrade
DELETE FROM tags;
