-- Revision: 0a5e00000001
-- Message: create accounts

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);
CREATE INDEX accounts_email_idx ON accounts (email);

-- migrate:downgrade
DROP TABLE accounts;

-- migrate:verify
SELECT count(*) = 0 FROM accounts WHERE email = '';
