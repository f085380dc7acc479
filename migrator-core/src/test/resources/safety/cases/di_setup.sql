-- Revision: di_setup
-- Message: di_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE di_items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
CREATE INDEX di_items_name_idx ON di_items (name);
CREATE INDEX di_items_name_idx2 ON di_items (name);
INSERT INTO di_items (name) SELECT 'i' || g FROM generate_series(1, 200) g;
ANALYZE di_items;
