-- Revision: md_setup
-- Message: md_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE md_notes (id bigint PRIMARY KEY);
