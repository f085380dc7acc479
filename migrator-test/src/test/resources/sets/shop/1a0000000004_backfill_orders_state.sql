-- Revision: 1a0000000004
-- Revises: 1a0000000003
-- Message: backfill orders.state
-- Transactional: false

-- migrate:upgrade
UPDATE orders SET state = 'placed' WHERE state IS NULL;
ALTER TABLE orders ALTER COLUMN state SET NOT NULL;

-- migrate:downgrade
ALTER TABLE orders ALTER COLUMN state DROP NOT NULL;

-- migrate:verify
SELECT count(*) = 0 FROM orders WHERE state IS NULL;
