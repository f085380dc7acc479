-- Revision: nn_setup
-- Message: nn_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE nn_accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
INSERT INTO nn_accounts (name) SELECT 'a' || g FROM generate_series(1, 200) g;
ANALYZE nn_accounts;
