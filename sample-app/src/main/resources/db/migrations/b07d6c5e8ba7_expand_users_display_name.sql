-- Revision: b07d6c5e8ba7
-- Revises: af6c5b4d7a96
-- Message: expand: users.display_name next to users.name
-- Phase: expand

-- migrate:upgrade
-- Renaming a column in one step breaks every running instance that still uses the old name. Expand
-- first: add the new column, copy, and keep both in sync with a trigger while old and new code run
-- side by side. The contract revision (c18e7d6f9cb8) drops the old column once no instance uses it.
ALTER TABLE users ADD COLUMN display_name text;
UPDATE users SET display_name = name WHERE display_name IS NULL;
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

-- migrate:downgrade
DROP TRIGGER users_sync_display_name ON users;
DROP FUNCTION users_sync_display_name();
ALTER TABLE users DROP COLUMN display_name;
