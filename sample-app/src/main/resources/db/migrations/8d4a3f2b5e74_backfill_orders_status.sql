-- Revision: 8d4a3f2b5e74
-- Revises: 7c3f2e1a4d63
-- Message: backfill orders.status in batches
-- Transactional: false

-- migrate:upgrade
-- Step 2 of 3: keyset batches of 1000 rows by primary key (not OFFSET, which skips rows while they
-- change), one commit per batch, so no long transaction holds row locks or bloats the table. It only
-- touches NULL rows: idempotent, so a crashed run resumes where it stopped.
DO $$
DECLARE
    batch_start bigint := 0;
    batch_end   bigint;
BEGIN
    LOOP
        SELECT max(id) INTO batch_end
        FROM (SELECT id FROM orders WHERE id > batch_start ORDER BY id LIMIT 1000) AS batch;
        EXIT WHEN batch_end IS NULL;
        UPDATE orders SET status = 'placed'
        WHERE id > batch_start AND id <= batch_end AND status IS NULL;
        COMMIT;
        batch_start := batch_end;
    END LOOP;
END
$$;

-- migrate:downgrade
-- Nothing to undo: the values go away with the column when 7c3f2e1a4d63 is downgraded.
SELECT 1;
