-- Revision: nv_unsafe
-- Revises: nv_setup
-- Message: nv_unsafe

-- migrate:upgrade
ALTER TABLE nv_books ADD CONSTRAINT nv_books_author_fk FOREIGN KEY (author_id) REFERENCES nv_authors (id);
ALTER TABLE nv_books ADD CONSTRAINT nv_books_pages_check CHECK (pages > 0);

-- migrate:downgrade
ALTER TABLE nv_books DROP CONSTRAINT nv_books_pages_check;
ALTER TABLE nv_books DROP CONSTRAINT nv_books_author_fk;
