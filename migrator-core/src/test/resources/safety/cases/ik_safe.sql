-- Revision: ik_safe
-- Message: ik_safe

-- migrate:upgrade
CREATE TABLE ik_tags2 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);

-- migrate:downgrade
DROP TABLE ik_tags2;
