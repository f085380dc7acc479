-- Revision: 1a0000000007
-- Revises: 1a0000000006
-- Message: accounts: users.nickname
-- Branch-Labels: accounts

-- migrate:upgrade
ALTER TABLE users ADD COLUMN nickname varchar(40);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN nickname;
