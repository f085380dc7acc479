-- Revision: m4
-- Revises: m3
-- Message: a plain index: SHARE

-- migrate:upgrade
CREATE INDEX m_orders_note_idx ON m_orders (note);

-- migrate:downgrade
DROP INDEX m_orders_note_idx;
