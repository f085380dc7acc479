-- Revision: ci_safe_new_table
-- Revises: ci_setup
-- Message: ci_safe_new_table

-- migrate:upgrade
CREATE TABLE ci_tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id bigint, tag text);
-- a table created by this revision is empty: a plain CREATE INDEX is fine
CREATE INDEX ci_tags_event_idx ON ci_tags (event_id);

-- migrate:downgrade
DROP TABLE ci_tags;
