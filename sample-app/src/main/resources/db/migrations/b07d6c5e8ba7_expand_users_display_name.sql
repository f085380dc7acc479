-- Revision: b07d6c5e8ba7
-- Revises: af6c5b4d7a96
-- Message: expand: users.display_name next to users.name
-- Phase: expand
-- Transactional: false

-- migrate:upgrade
-- Renaming a column in one step breaks every running instance that still uses the old name. Expand
-- first: add the new column, keep both in sync with a trigger while old and new code run side by
-- side, and copy the existing values. The contract revision (c18e7d6f9cb8) drops the old column once
-- no instance uses it.
-- Non-transactional so that the copy runs in batches of its own short transactions instead of one
-- long one holding the ADD COLUMN's lock; every statement is safe to run again after a crash.
ALTER TABLE users ADD COLUMN IF NOT EXISTS display_name text;
CREATE OR REPLACE FUNCTION users_sync_display_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.name := coalesce(NEW.name, NEW.display_name);
        NEW.display_name := coalesce(NEW.display_name, NEW.name);
    ELSIF NEW.name IS DISTINCT FROM OLD.name THEN
        NEW.display_name := NEW.name;
    ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
        NEW.name := NEW.display_name;
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER users_sync_display_name BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION users_sync_display_name();
-- Keyset batches of 1000 rows, one commit each (the trigger keeps rows written meanwhile in sync).
DO $$
DECLARE
    batch_start bigint := 0;
    batch_end   bigint;
BEGIN
    LOOP
        SELECT max(id) INTO batch_end
        FROM (SELECT id FROM users WHERE id > batch_start ORDER BY id LIMIT 1000) AS batch;
        EXIT WHEN batch_end IS NULL;
        UPDATE users SET display_name = name
        WHERE id > batch_start AND id <= batch_end AND display_name IS NULL;
        COMMIT;
        batch_start := batch_end;
    END LOOP;
END
$$;

-- migrate:downgrade
DROP TRIGGER IF EXISTS users_sync_display_name ON users;
DROP FUNCTION IF EXISTS users_sync_display_name();
ALTER TABLE users DROP COLUMN IF EXISTS display_name;
