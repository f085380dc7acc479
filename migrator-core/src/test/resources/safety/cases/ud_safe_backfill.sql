-- Revision: ud_safe_backfill
-- Revises: ud_safe
-- Message: ud_safe_backfill
-- Transactional: false

-- migrate:upgrade
-- keyset batches, one commit each, outside any long transaction
DO $$
DECLARE
    last_id bigint := 0;
    upper_id bigint;
BEGIN
    LOOP
        SELECT max(id) INTO upper_id FROM (SELECT id FROM ud_orders WHERE id > last_id ORDER BY id LIMIT 50) AS batch;
        EXIT WHEN upper_id IS NULL;
        UPDATE ud_orders SET state2 = status WHERE id > last_id AND id <= upper_id AND state2 IS NULL;
        COMMIT;
        last_id := upper_id;
    END LOOP;
END
$$;

-- migrate:downgrade
-- the values go with the column
SELECT 1;
