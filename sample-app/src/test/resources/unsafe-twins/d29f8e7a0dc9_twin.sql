-- Revision: d29f8e7a0dc9
-- Revises: b07d6c5e8ba7
-- Message: unsafe twin of d29f8e7a0dc9
-- Branch-Labels: accounts

-- migrate:upgrade
-- The unsafe twin of the sample's revision d29f8e7a0dc9: flagged by volatile-default
ALTER TABLE users ADD COLUMN email_verified boolean;
ALTER TABLE users ADD COLUMN verification_token uuid DEFAULT gen_random_uuid();

-- migrate:downgrade
ALTER TABLE users DROP COLUMN verification_token;
ALTER TABLE users DROP COLUMN email_verified;
