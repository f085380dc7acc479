-- Revision: 5afe00000001
-- Message: docs with a json body and a timestamp without time zone

-- migrate:upgrade
CREATE TABLE docs (id bigint PRIMARY KEY, body json, at timestamp);

-- migrate:downgrade
DROP TABLE docs;
