-- Revision: tr_setup
-- Message: tr_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE tr_sessions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, token text);
INSERT INTO tr_sessions (token) SELECT md5(g::text) FROM generate_series(1, 200) g;
ANALYZE tr_sessions;
