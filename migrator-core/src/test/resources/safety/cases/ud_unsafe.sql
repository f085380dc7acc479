-- Revision: ud_unsafe
-- Revises: ud_setup
-- Message: ud_unsafe

-- migrate:upgrade
ALTER TABLE ud_orders ADD COLUMN state text;
UPDATE ud_orders SET state = status WHERE state IS NULL;

-- migrate:downgrade
ALTER TABLE ud_orders DROP COLUMN state;
