-- Revision: ch_unsafe
-- Message: ch_unsafe

-- migrate:upgrade
CREATE TABLE ch_countries (id bigint PRIMARY KEY, code char(2));

-- migrate:downgrade
DROP TABLE ch_countries;
