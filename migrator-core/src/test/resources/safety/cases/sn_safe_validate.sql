-- Revision: sn_safe_validate
-- Revises: sn_safe
-- Message: sn_safe_validate

-- migrate:upgrade
ALTER TABLE sn_orders VALIDATE CONSTRAINT sn_orders_status_nn;
-- PostgreSQL 12+ proves NOT NULL from the validated check: no scan
ALTER TABLE sn_orders ALTER COLUMN status SET NOT NULL;
ALTER TABLE sn_orders DROP CONSTRAINT sn_orders_status_nn;

-- migrate:downgrade
ALTER TABLE sn_orders ALTER COLUMN status DROP NOT NULL;
ALTER TABLE sn_orders ADD CONSTRAINT sn_orders_status_nn CHECK (status IS NOT NULL) NOT VALID;
