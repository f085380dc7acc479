-- Revision: 6f0000000001
-- Message: an audit table, created only where the session looks like Migrator's

-- migrate:upgrade
DO $$
BEGIN
    IF current_setting('application_name') LIKE 'migrator %' THEN
        CREATE TABLE audit (id bigserial PRIMARY KEY, happened_at timestamptz NOT NULL DEFAULT now());
    END IF;
END
$$;

-- migrate:downgrade
DROP TABLE IF EXISTS audit;
