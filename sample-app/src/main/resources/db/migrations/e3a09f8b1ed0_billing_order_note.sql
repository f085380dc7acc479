-- Revision: e3a09f8b1ed0
-- Revises: b07d6c5e8ba7
-- Message: billing: orders.note
-- Branch-Labels: billing

-- migrate:upgrade
ALTER TABLE orders ADD COLUMN note text;

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN note;
