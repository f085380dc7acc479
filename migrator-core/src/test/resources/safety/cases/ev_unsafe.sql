-- Revision: ev_unsafe
-- Revises: ev_setup
-- Message: ev_unsafe
-- Irreversible: PostgreSQL cannot drop an enum value

-- migrate:upgrade
ALTER TYPE ev_mood ADD VALUE 'meh';
UPDATE ev_people SET mood = 'meh' WHERE id = 1;
