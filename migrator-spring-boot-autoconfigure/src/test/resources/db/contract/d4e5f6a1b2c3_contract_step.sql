-- Revision: d4e5f6a1b2c3
-- Revises: a1b2c3d4e5f6
-- Message: a contract-phase step
-- Phase: contract

-- migrate:upgrade
CREATE TABLE contract_done (id int);

-- migrate:downgrade
DROP TABLE contract_done;
