-- Revision: 2b0000000001
-- Message: create tags

-- migrate:upgrade
CREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL);

-- migrate:downgrade
DROP TABLE tags;
