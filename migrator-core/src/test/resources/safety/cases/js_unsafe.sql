-- Revision: js_unsafe
-- Message: js_unsafe

-- migrate:upgrade
CREATE TABLE js_docs (id bigint PRIMARY KEY, body json);

-- migrate:downgrade
DROP TABLE js_docs;
