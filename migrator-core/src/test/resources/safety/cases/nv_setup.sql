-- Revision: nv_setup
-- Message: nv_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE nv_authors (id bigint PRIMARY KEY);
CREATE TABLE nv_books (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, author_id bigint, pages int);
INSERT INTO nv_authors SELECT g FROM generate_series(1, 200) g;
INSERT INTO nv_books (author_id, pages) SELECT g, 100 FROM generate_series(1, 200) g;
ANALYZE nv_authors;
ANALYZE nv_books;
