/*
 * A licence or description block may precede the header.
 */
-- Revision: a0000001
-- Message: create users
-- Branch-Labels: accounts, core
-- Phase: expand
-- Transactional: true
-- Lock-Timeout: 2s
-- This free comment has no colon and is not a header line

-- migrate:upgrade
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE FUNCTION users_touch() RETURNS trigger AS $$
BEGIN
    NEW.email := lower(NEW.email); -- a semicolon inside the body
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- migrate:downgrade
DROP FUNCTION users_touch();
DROP TABLE users;

-- migrate:verify
SELECT count(*) = 0 FROM users WHERE email IS NULL;
