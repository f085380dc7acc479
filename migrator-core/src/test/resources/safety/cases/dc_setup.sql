-- Revision: dc_setup
-- Message: dc_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TABLE dc_parents (id bigint PRIMARY KEY);
CREATE TABLE dc_children (id bigint PRIMARY KEY, parent_id bigint CONSTRAINT dc_children_parent_fk REFERENCES dc_parents (id));
CREATE VIEW dc_parent_ids AS SELECT id FROM dc_parents;
CREATE TABLE dc_parents2 (id bigint PRIMARY KEY);
CREATE TABLE dc_children2 (id bigint PRIMARY KEY, parent_id bigint CONSTRAINT dc_children2_parent_fk REFERENCES dc_parents2 (id));
CREATE VIEW dc_parent_ids2 AS SELECT id FROM dc_parents2;
