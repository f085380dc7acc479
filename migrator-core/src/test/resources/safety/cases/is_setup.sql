-- Revision: is_setup
-- Message: is_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE is_lookup (id bigint PRIMARY KEY, code text);
INSERT INTO is_lookup SELECT g, 'c' || g FROM generate_series(1, 200) g;
ANALYZE is_lookup;
