-- Revision: sn_setup
-- Message: sn_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE sn_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text);
INSERT INTO sn_orders (status) SELECT 'placed' FROM generate_series(1, 200);
ANALYZE sn_orders;
