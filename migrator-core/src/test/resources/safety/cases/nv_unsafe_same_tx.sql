-- Revision: nv_unsafe_same_tx
-- Revises: nv_setup
-- Message: nv_unsafe_same_tx

-- migrate:upgrade
ALTER TABLE nv_books ADD CONSTRAINT nv_books_author_fk3 FOREIGN KEY (author_id) REFERENCES nv_authors (id) NOT VALID;
-- the same transaction: the scan runs under the lock the add took
ALTER TABLE nv_books VALIDATE CONSTRAINT nv_books_author_fk3;

-- migrate:downgrade
ALTER TABLE nv_books DROP CONSTRAINT nv_books_author_fk3;
