-- Revision: c0000003
-- Revises: b0000002, j0000001
-- Message: drop the legacy column
-- Phase: contract
-- Transactional: false
-- Irreversible: the legacy column's data is gone

-- migrate:upgrade
ALTER TABLE users DROP COLUMN IF EXISTS legacy;
