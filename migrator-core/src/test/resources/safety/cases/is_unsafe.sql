-- Revision: is_unsafe
-- Revises: is_setup
-- Message: is_unsafe

-- migrate:upgrade
-- migrator:allow create-index-concurently: a typo suppresses nothing
CREATE INDEX is_lookup_code_idx ON is_lookup (code);

-- migrate:downgrade
DROP INDEX is_lookup_code_idx;
