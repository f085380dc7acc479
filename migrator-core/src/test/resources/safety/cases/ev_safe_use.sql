-- Revision: ev_safe_use
-- Revises: ev_safe
-- Message: ev_safe_use

-- migrate:upgrade
UPDATE ev_people SET mood = 'happy' WHERE id = 1;

-- migrate:downgrade
UPDATE ev_people SET mood = 'ok' WHERE id = 1;
