-- Revision: 1a0000000006
-- Revises: 1a0000000005
-- Message: order totals view, updated_at trigger, invoice numbers

-- migrate:upgrade
CREATE VIEW order_totals AS
    SELECT user_id, count(*) AS orders, sum(total_cents) AS total_cents FROM orders GROUP BY user_id;
ALTER TABLE orders ADD COLUMN updated_at timestamptz;
CREATE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_touch();
CREATE SEQUENCE invoice_numbers START 1000;

-- migrate:downgrade
DROP SEQUENCE invoice_numbers;
DROP TRIGGER orders_touch ON orders;
DROP FUNCTION orders_touch();
ALTER TABLE orders DROP COLUMN updated_at;
DROP VIEW order_totals;

-- migrate:verify
SELECT count(*) = 0 FROM orders WHERE total_cents < 0;
