-- Revision: uq_setup
-- Message: uq_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE uq_accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);
INSERT INTO uq_accounts (email) SELECT 'e' || g || '@x' FROM generate_series(1, 200) g;
ANALYZE uq_accounts;
