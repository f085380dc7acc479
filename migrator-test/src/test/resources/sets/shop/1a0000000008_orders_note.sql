-- Revision: 1a0000000008
-- Revises: 1a0000000006
-- Message: billing: orders.note
-- Branch-Labels: billing

-- migrate:upgrade
ALTER TABLE orders ADD COLUMN note text;

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN note;
