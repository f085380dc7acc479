-- Revision: 5afe00000002
-- Message: sessions

-- migrate:upgrade
CREATE TABLE sessions (id bigint PRIMARY KEY, token text);

-- migrate:downgrade
DROP TABLE sessions;
