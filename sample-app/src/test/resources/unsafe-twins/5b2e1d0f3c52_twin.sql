-- Revision: 5b2e1d0f3c52
-- Revises: 3a1f0c9e2b41
-- Message: unsafe twin of 5b2e1d0f3c52

-- migrate:upgrade
-- The unsafe twin of the sample's revision 5b2e1d0f3c52: flagged by create-index-non-concurrently
CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    total_cents bigint NOT NULL CHECK (total_cents >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX users_created_at_idx ON users (created_at);

-- migrate:downgrade
DROP INDEX users_created_at_idx;
DROP TABLE orders;
