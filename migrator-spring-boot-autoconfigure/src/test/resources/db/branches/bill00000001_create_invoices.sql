-- Revision: bill00000001
-- Message: create invoices
-- Branch-Labels: billing

-- migrate:upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE invoices;
