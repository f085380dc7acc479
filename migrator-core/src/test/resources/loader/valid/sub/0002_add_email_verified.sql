-- revision: b0000002
-- REVISES: a0000001
-- depends-on: a0000001
-- message: add email_verified to users

-- migrate:upgrade
ALTER TABLE users ADD COLUMN email_verified boolean;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN email_verified;
