-- Revision: js_safe
-- Message: js_safe

-- migrate:upgrade
CREATE TABLE js_docs2 (id bigint PRIMARY KEY, body jsonb);

-- migrate:downgrade
DROP TABLE js_docs2;
