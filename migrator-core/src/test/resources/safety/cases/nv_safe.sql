-- Revision: nv_safe
-- Revises: nv_setup
-- Message: nv_safe

-- migrate:upgrade
ALTER TABLE nv_books ADD CONSTRAINT nv_books_author_fk2 FOREIGN KEY (author_id) REFERENCES nv_authors (id) NOT VALID;
ALTER TABLE nv_books ADD CONSTRAINT nv_books_pages_check2 CHECK (pages > 0) NOT VALID;

-- migrate:downgrade
ALTER TABLE nv_books DROP CONSTRAINT nv_books_pages_check2;
ALTER TABLE nv_books DROP CONSTRAINT nv_books_author_fk2;
