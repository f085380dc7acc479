-- Revision: 1a0000000002
-- Revises: 1a0000000001
-- Message: create orders

-- migrate:upgrade
CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    total_cents bigint NOT NULL CHECK (total_cents >= 0)
);
CREATE INDEX orders_user_id_idx ON orders (user_id);

-- migrate:downgrade
DROP TABLE orders;
