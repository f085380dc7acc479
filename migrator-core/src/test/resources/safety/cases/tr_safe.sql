-- Revision: tr_safe
-- Revises: tr_setup
-- Message: tr_safe
-- Transactional: false
-- Irreversible: deletes the sessions

-- migrate:upgrade
-- delete in keyset batches, one commit each
DO $$
DECLARE
    deleted bigint;
BEGIN
    LOOP
        DELETE FROM tr_sessions WHERE id IN (SELECT id FROM tr_sessions ORDER BY id LIMIT 50);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        EXIT WHEN deleted = 0;
        COMMIT;
    END LOOP;
END
$$;
