-- Revision: c18e7d6f9cb8
-- Revises: a5c2b1d03f12
-- Message: contract: drop users.name (replaced by display_name)
-- Phase: contract
-- Transactional: false

-- migrate:upgrade
-- Runs only with migrator.contract=apply, i.e. once every instance runs code that uses display_name.
-- Under the default (defer) it stays pending and the endpoint reports CONTRACT_PENDING.
-- display_name becomes NOT NULL without a scan under ACCESS EXCLUSIVE: a NOT VALID check (instant),
-- VALIDATE (scans under a lock that lets reads and writes go on), then SET NOT NULL, which PostgreSQL
-- 12+ proves from the valid check. Non-transactional, so each step commits on its own; every statement
-- is safe to run again after a crash.
DROP TRIGGER IF EXISTS users_sync_display_name ON users;
DROP FUNCTION IF EXISTS users_sync_display_name();
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_display_name_not_null;
ALTER TABLE users ADD CONSTRAINT users_display_name_not_null CHECK (display_name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_display_name_not_null;
ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_display_name_not_null;
ALTER TABLE users DROP COLUMN IF EXISTS name;

-- migrate:downgrade
ALTER TABLE users ADD COLUMN IF NOT EXISTS name text;
UPDATE users SET name = display_name WHERE name IS NULL;
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL;
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
