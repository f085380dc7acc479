-- Revision: dc_unsafe
-- Revises: dc_setup
-- Message: dc_unsafe
-- Phase: contract
-- Irreversible: drops the parents

-- migrate:upgrade
DROP TABLE dc_parents CASCADE;
