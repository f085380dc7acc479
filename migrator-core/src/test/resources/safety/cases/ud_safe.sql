-- Revision: ud_safe
-- Revises: ud_setup
-- Message: ud_safe

-- migrate:upgrade
ALTER TABLE ud_orders ADD COLUMN state2 text;

-- migrate:downgrade
ALTER TABLE ud_orders DROP COLUMN state2;
