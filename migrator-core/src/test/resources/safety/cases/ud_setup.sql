-- Revision: ud_setup
-- Message: ud_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE ud_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text);
INSERT INTO ud_orders (status) SELECT 'placed' FROM generate_series(1, 200);
ANALYZE ud_orders;
