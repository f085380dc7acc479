-- Revision: 1a0000000001
-- Message: create users

-- migrate:upgrade
CREATE TYPE user_status AS ENUM ('active', 'blocked');
CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    status     user_status NOT NULL DEFAULT 'active',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:downgrade
DROP TABLE users;
DROP TYPE user_status;
