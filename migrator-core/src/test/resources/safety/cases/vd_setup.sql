-- Revision: vd_setup
-- Message: vd_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE vd_users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
INSERT INTO vd_users (name) SELECT 'u' || g FROM generate_series(1, 200) g;
ANALYZE vd_users;
