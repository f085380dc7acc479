-- Revision: ik_unsafe_int
-- Message: ik_unsafe_int

-- migrate:upgrade
CREATE TABLE ik_labels (id integer, name text, PRIMARY KEY (id));

-- migrate:downgrade
DROP TABLE ik_labels;
