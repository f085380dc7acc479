-- Revision: 1a0000000003
-- Revises: 1a0000000002
-- Message: add orders.state, nullable

-- migrate:upgrade
ALTER TABLE orders ADD COLUMN state text;
ALTER TABLE orders ALTER COLUMN state SET DEFAULT 'placed';

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN state;
