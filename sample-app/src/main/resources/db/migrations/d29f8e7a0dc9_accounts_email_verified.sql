-- Revision: d29f8e7a0dc9
-- Revises: b07d6c5e8ba7
-- Message: accounts: users.email_verified
-- Branch-Labels: accounts

-- migrate:upgrade
-- One of two branches developed in parallel from b07d6c5e8ba7; f4b1a09c2fe1 merges them.
-- Nullable: existing users have not verified anything yet; new rows default to false.
ALTER TABLE users ADD COLUMN email_verified boolean;
ALTER TABLE users ALTER COLUMN email_verified SET DEFAULT false;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN email_verified;
