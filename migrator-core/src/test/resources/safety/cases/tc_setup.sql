-- Revision: tc_setup
-- Message: tc_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE tc_payments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount integer, note varchar(20));
INSERT INTO tc_payments (amount, note) SELECT g, 'n' FROM generate_series(1, 200) g;
ANALYZE tc_payments;
