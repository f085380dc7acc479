-- Revision: ci_setup
-- Message: ci_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE ci_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text);
INSERT INTO ci_events (kind) SELECT 'k' || (g % 7) FROM generate_series(1, 200) g;
ANALYZE ci_events;
