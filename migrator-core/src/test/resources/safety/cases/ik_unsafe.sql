-- Revision: ik_unsafe
-- Message: ik_unsafe

-- migrate:upgrade
CREATE TABLE ik_tags (id serial PRIMARY KEY, name text);

-- migrate:downgrade
DROP TABLE ik_tags;
