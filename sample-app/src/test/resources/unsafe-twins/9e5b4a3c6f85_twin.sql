-- Revision: 9e5b4a3c6f85
-- Revises: 8d4a3f2b5e74
-- Message: unsafe twin of 9e5b4a3c6f85

-- migrate:upgrade
-- The unsafe twin of the sample's revision 9e5b4a3c6f85: flagged by set-not-null
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;

-- migrate:downgrade
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
