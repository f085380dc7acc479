-- Revision: tc_safe
-- Revises: tc_setup
-- Message: tc_safe

-- migrate:upgrade
-- binary-coercible: no rewrite
ALTER TABLE tc_payments ALTER COLUMN note TYPE varchar(50);
ALTER TABLE tc_payments ALTER COLUMN note TYPE text;

-- migrate:downgrade
ALTER TABLE tc_payments ALTER COLUMN note TYPE varchar(20);
