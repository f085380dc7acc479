-- Revision: a1b2c3d4e5f6
-- Message: create items

-- migrate:upgrade
CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL);

-- migrate:downgrade
DROP TABLE items;
