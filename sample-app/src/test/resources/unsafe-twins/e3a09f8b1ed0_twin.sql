-- Revision: e3a09f8b1ed0
-- Revises: b07d6c5e8ba7
-- Message: unsafe twin of e3a09f8b1ed0
-- Branch-Labels: billing

-- migrate:upgrade
-- The unsafe twin of the sample's revision e3a09f8b1ed0: flagged by prefer-jsonb
ALTER TABLE orders ADD COLUMN note json;

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN note;
