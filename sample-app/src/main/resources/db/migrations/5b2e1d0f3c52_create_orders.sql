-- Revision: 5b2e1d0f3c52
-- Revises: 3a1f0c9e2b41
-- Message: create orders

-- migrate:upgrade
-- Deleting a user deletes their orders: the foreign key says so instead of application code.
CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    total_cents bigint NOT NULL CHECK (total_cents >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- PostgreSQL does not index the referencing side of a foreign key; cascades and joins need it.
-- A plain CREATE INDEX is fine here: the table is new and empty.
CREATE INDEX orders_user_id_idx ON orders (user_id);

-- migrate:downgrade
DROP TABLE orders;
