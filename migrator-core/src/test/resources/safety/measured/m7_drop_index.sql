-- Revision: m7
-- Revises: m6
-- Message: a concurrent drop: SHARE UPDATE EXCLUSIVE on the table and the index
-- Transactional: false
-- Phase: contract

-- migrate:upgrade
DROP INDEX CONCURRENTLY IF EXISTS m_orders_note_idx;

-- migrate:downgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS m_orders_note_idx ON m_orders (note);
