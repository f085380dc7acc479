-- Revision: c18e7d6f9cb8
-- Revises: a5c2b1d03f12
-- Message: contract: drop users.name (replaced by display_name)
-- Phase: contract

-- migrate:upgrade
-- Runs only with migrator.contract=apply, i.e. once every instance runs code that uses display_name.
-- Under the default (defer) it stays pending and the endpoint reports CONTRACT_PENDING.
DROP TRIGGER users_sync_display_name ON users;
DROP FUNCTION users_sync_display_name();
ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;
ALTER TABLE users DROP COLUMN name;

-- migrate:downgrade
ALTER TABLE users ADD COLUMN name text;
UPDATE users SET name = display_name;
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL;
CREATE FUNCTION users_sync_display_name() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER users_sync_display_name BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION users_sync_display_name();
