-- Revision: 7c3f2e1a4d63
-- Revises: 5b2e1d0f3c52
-- Message: unsafe twin of 7c3f2e1a4d63

-- migrate:upgrade
-- The unsafe twin of the sample's revision 7c3f2e1a4d63: flagged by adding-not-null-column
ALTER TABLE orders ADD COLUMN status text NOT NULL;

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN status;
