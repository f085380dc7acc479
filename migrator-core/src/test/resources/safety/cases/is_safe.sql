-- Revision: is_safe
-- Revises: is_setup
-- Message: is_safe

-- migrate:upgrade
-- migrator:allow create-index-non-concurrently: is_lookup is written only by this deploy job
CREATE INDEX is_lookup_code_idx2 ON is_lookup (code);

-- migrate:downgrade
DROP INDEX is_lookup_code_idx2;
