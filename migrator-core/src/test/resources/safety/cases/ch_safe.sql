-- Revision: ch_safe
-- Message: ch_safe

-- migrate:upgrade
CREATE TABLE ch_countries2 (id bigint PRIMARY KEY, code text CHECK (length(code) = 2));

-- migrate:downgrade
DROP TABLE ch_countries2;
