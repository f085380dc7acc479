-- Revision: ts_unsafe
-- Message: ts_unsafe

-- migrate:upgrade
CREATE TABLE ts_visits (id bigint PRIMARY KEY, at timestamp NOT NULL);

-- migrate:downgrade
DROP TABLE ts_visits;
