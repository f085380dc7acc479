-- Revision: 8d4a3f2b5e74
-- Revises: 7c3f2e1a4d63
-- Message: unsafe twin of 8d4a3f2b5e74

-- migrate:upgrade
-- The unsafe twin of the sample's revision 8d4a3f2b5e74: flagged by unbounded-data-change
UPDATE orders SET status = 'placed' WHERE status IS NULL;

-- migrate:downgrade
SELECT 1;
