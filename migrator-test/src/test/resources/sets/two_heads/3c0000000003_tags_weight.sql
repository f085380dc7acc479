-- Revision: 3c0000000003
-- Revises: 2b0000000001
-- Message: tags.weight, written in parallel

-- migrate:upgrade
ALTER TABLE tags ADD COLUMN weight integer;

-- migrate:downgrade
ALTER TABLE tags DROP COLUMN weight;
