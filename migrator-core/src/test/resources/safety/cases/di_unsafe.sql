-- Revision: di_unsafe
-- Revises: di_setup
-- Message: di_unsafe
-- Phase: contract

-- migrate:upgrade
DROP INDEX di_items_name_idx;

-- migrate:downgrade
CREATE INDEX di_items_name_idx ON di_items (name);
