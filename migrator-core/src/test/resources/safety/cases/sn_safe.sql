-- Revision: sn_safe
-- Revises: sn_setup
-- Message: sn_safe

-- migrate:upgrade
ALTER TABLE sn_orders ADD CONSTRAINT sn_orders_status_nn CHECK (status IS NOT NULL) NOT VALID;

-- migrate:downgrade
ALTER TABLE sn_orders DROP CONSTRAINT IF EXISTS sn_orders_status_nn;
