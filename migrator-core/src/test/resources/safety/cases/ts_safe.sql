-- Revision: ts_safe
-- Message: ts_safe

-- migrate:upgrade
CREATE TABLE ts_visits2 (id bigint PRIMARY KEY, at timestamptz NOT NULL);

-- migrate:downgrade
DROP TABLE ts_visits2;
