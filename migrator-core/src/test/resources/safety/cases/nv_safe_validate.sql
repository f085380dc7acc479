-- Revision: nv_safe_validate
-- Revises: nv_safe
-- Message: nv_safe_validate

-- migrate:upgrade
ALTER TABLE nv_books VALIDATE CONSTRAINT nv_books_author_fk2;
ALTER TABLE nv_books VALIDATE CONSTRAINT nv_books_pages_check2;

-- migrate:downgrade
-- validation changes no schema
SELECT 1;
