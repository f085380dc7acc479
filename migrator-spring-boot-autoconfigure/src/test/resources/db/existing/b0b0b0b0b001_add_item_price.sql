-- Revision: b0b0b0b0b001
-- Revises: a1b2c3d4e5f6
-- Message: add items.price

-- migrate:upgrade
ALTER TABLE items ADD COLUMN price_cents bigint;

-- migrate:downgrade
ALTER TABLE items DROP COLUMN price_cents;
