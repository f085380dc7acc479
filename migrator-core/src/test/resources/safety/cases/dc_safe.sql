-- Revision: dc_safe
-- Revises: dc_setup
-- Message: dc_safe
-- Phase: contract
-- Irreversible: drops the parents

-- migrate:upgrade
DROP VIEW dc_parent_ids2;
ALTER TABLE dc_children2 DROP CONSTRAINT dc_children2_parent_fk;
DROP TABLE dc_parents2;
