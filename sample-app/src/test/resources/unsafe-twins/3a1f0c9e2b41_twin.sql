-- Revision: 3a1f0c9e2b41
-- Message: unsafe twin of 3a1f0c9e2b41

-- migrate:upgrade
-- The unsafe twin of the sample's revision 3a1f0c9e2b41: flagged by int-primary-key
CREATE TABLE users (
    id         serial PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:downgrade
DROP TABLE users;
