-- Revision: c3d4e5f6a1b2
-- Revises: a1b2c3d4e5f6
-- Message: always fails

-- migrate:upgrade
SELECT 1 / 0;

-- migrate:downgrade
SELECT 1;
