-- Revision: f4b1a09c2fe1
-- Revises: d29f8e7a0dc9, e3a09f8b1ed0
-- Message: unsafe twin of f4b1a09c2fe1

-- migrate:upgrade
-- The unsafe twin of the sample's revision f4b1a09c2fe1: flagged by unique-constraint-builds-index
ALTER TABLE users ADD CONSTRAINT users_email_key2 UNIQUE (email);

-- migrate:downgrade
ALTER TABLE users DROP CONSTRAINT users_email_key2;
