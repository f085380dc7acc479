-- Revision: 7c3f2e1a4d63
-- Revises: 5b2e1d0f3c52
-- Message: add orders.status, nullable first

-- migrate:upgrade
-- Step 1 of 3 of adding a NOT NULL column to a table in use: add it nullable (instant, no rewrite),
-- with a default for new rows only. Existing rows are backfilled by the next revision, and the
-- constraint comes after that.
ALTER TABLE orders ADD COLUMN status text;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'placed';

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN status;
