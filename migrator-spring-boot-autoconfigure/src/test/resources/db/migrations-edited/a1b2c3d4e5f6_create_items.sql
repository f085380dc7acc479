-- Revision: a1b2c3d4e5f6
-- Message: create items

-- migrate:upgrade
-- items are what the shop sells (a comment added after the revision was applied)
CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL);

-- migrate:downgrade
DROP TABLE items;
