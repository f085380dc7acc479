-- Revision: f4b1a09c2fe1
-- Revises: d29f8e7a0dc9, e3a09f8b1ed0
-- Message: merge the accounts and billing branches

-- migrate:upgrade
-- A merge revision only joins the two heads into one; it changes nothing, so its sections are empty.

-- migrate:downgrade
