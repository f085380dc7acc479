-- Revision: 1a0000000009
-- Revises: 1a0000000007, 1a0000000008
-- Message: merge accounts and billing

-- migrate:upgrade
-- joins the two branches; changes nothing

-- migrate:downgrade
