-- Revision: 9c0000000001
-- Message: create tags

-- migrate:upgrade
CREATE TABLE tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
-- an index on a table the same revision creates locks nobody
CREATE INDEX tags_id_name_idx ON tags (id, name);

-- migrate:downgrade
DROP TABLE tags;
