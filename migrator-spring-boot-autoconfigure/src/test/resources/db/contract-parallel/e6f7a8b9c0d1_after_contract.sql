-- Revision: e6f7a8b9c0d1
-- Revises: d4e5f6a1b2c3
-- Message: a step that needs the contract step

-- migrate:upgrade
CREATE TABLE after_contract_done (id int);

-- migrate:downgrade
DROP TABLE after_contract_done;
