-- Revision: sn_unsafe
-- Revises: sn_setup
-- Message: sn_unsafe

-- migrate:upgrade
ALTER TABLE sn_orders ALTER COLUMN status SET NOT NULL;

-- migrate:downgrade
ALTER TABLE sn_orders ALTER COLUMN status DROP NOT NULL;
