-- Revision: 5afe00000003
-- Revises: 5afe00000002
-- Message: forget every session
-- Phase: contract
-- Irreversible: the sessions are gone

-- migrate:upgrade
TRUNCATE sessions;
