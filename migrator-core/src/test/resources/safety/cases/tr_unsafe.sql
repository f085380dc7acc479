-- Revision: tr_unsafe
-- Revises: tr_setup
-- Message: tr_unsafe
-- Irreversible: deletes the sessions

-- migrate:upgrade
TRUNCATE tr_sessions;
