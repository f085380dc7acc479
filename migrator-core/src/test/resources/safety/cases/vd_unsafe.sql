-- Revision: vd_unsafe
-- Revises: vd_setup
-- Message: vd_unsafe

-- migrate:upgrade
ALTER TABLE vd_users ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- migrate:downgrade
ALTER TABLE vd_users DROP COLUMN token;
