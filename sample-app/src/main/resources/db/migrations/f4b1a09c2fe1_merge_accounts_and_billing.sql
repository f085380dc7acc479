-- Revision: f4b1a09c2fe1
-- Revises: d29f8e7a0dc9, e3a09f8b1ed0
-- Message: merge the accounts and billing branches

-- migrate:upgrade
-- A merge revision only joins the two heads into one; it changes nothing. (Migrator wants at least
-- one statement per section, so an empty section is never a forgotten one.)
SELECT 1;

-- migrate:downgrade
SELECT 1;
