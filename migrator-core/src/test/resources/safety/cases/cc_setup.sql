-- Revision: cc_setup
-- Message: cc_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE cc_logs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz);
INSERT INTO cc_logs (at) SELECT now() FROM generate_series(1, 200);
ANALYZE cc_logs;
