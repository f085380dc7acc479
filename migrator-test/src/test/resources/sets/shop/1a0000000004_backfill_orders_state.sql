-- Revision: 1a0000000004
-- Revises: 1a0000000003
-- Message: backfill orders.state
-- Transactional: false

-- migrate:upgrade
UPDATE orders SET state = 'placed' WHERE state IS NULL;
-- the safe way: a NOT VALID check, validated without blocking writes, lets SET NOT NULL skip its scan
-- (dropped first, so a rerun after a failure half-way starts over: the revision is idempotent)
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_state_not_null;
ALTER TABLE orders ADD CONSTRAINT orders_state_not_null CHECK (state IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_state_not_null;
ALTER TABLE orders ALTER COLUMN state SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_state_not_null;

-- migrate:downgrade
ALTER TABLE orders ALTER COLUMN state DROP NOT NULL;

-- migrate:verify
SELECT count(*) = 0 FROM orders WHERE state IS NULL;
