-- Revision: ev_safe
-- Revises: ev_setup
-- Message: ev_safe
-- Irreversible: PostgreSQL cannot drop an enum value

-- migrate:upgrade
ALTER TYPE ev_mood ADD VALUE IF NOT EXISTS 'happy';
