-- Revision: acc000000001
-- Message: create accounts
-- Branch-Labels: accounts

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE accounts;
