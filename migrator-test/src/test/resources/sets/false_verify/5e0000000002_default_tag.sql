-- Revision: 5e0000000002
-- Revises: 2b0000000001
-- Message: a default tag (the insert was forgotten)

-- migrate:upgrade
ALTER TABLE tags ADD COLUMN is_default boolean NOT NULL DEFAULT false;

-- migrate:downgrade
ALTER TABLE tags DROP COLUMN is_default;

-- migrate:verify
SELECT count(*) = 1 FROM tags WHERE is_default;
