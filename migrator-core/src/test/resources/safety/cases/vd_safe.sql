-- Revision: vd_safe
-- Revises: vd_setup
-- Message: vd_safe

-- migrate:upgrade
ALTER TABLE vd_users ADD COLUMN token2 uuid;
ALTER TABLE vd_users ALTER COLUMN token2 SET DEFAULT gen_random_uuid();
-- now() is stable: stored once, no rewrite
ALTER TABLE vd_users ADD COLUMN created_at2 timestamptz NOT NULL DEFAULT now();

-- migrate:downgrade
ALTER TABLE vd_users DROP COLUMN created_at2;
ALTER TABLE vd_users DROP COLUMN token2;
