-- Revision: 9e5b4a3c6f85
-- Revises: 8d4a3f2b5e74
-- Message: make orders.status NOT NULL without a long lock
-- Transactional: false

-- migrate:upgrade
-- Step 3 of 3. SET NOT NULL alone scans the whole table under an ACCESS EXCLUSIVE lock. Instead:
-- a NOT VALID check (instant), VALIDATE (scans under a lock that lets reads and writes go on),
-- then SET NOT NULL, which PostgreSQL 12+ proves from the valid check without a scan. Each statement
-- commits on its own (non-transactional) and each is safe to run again after a crash.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'orders_status_not_null') THEN
        ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
    END IF;
END
$$;
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_not_null;

-- migrate:downgrade
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
