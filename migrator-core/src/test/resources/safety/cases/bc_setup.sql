-- Revision: bc_setup
-- Message: bc_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE bc_users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text, nickname text, alias text);
CREATE TABLE bc_legacy (id bigint PRIMARY KEY);
CREATE TABLE bc_legacy2 (id bigint PRIMARY KEY);
