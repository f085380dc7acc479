-- Revision: tc_unsafe
-- Revises: tc_setup
-- Message: tc_unsafe

-- migrate:upgrade
ALTER TABLE tc_payments ALTER COLUMN amount TYPE bigint;

-- migrate:downgrade
ALTER TABLE tc_payments ALTER COLUMN amount TYPE integer;
