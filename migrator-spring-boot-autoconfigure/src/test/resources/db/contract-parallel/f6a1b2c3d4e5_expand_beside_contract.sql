-- Revision: f6a1b2c3d4e5
-- Revises: a1b2c3d4e5f6
-- Message: an expand step beside the contract step
-- Phase: expand

-- migrate:upgrade
CREATE TABLE expand_beside_done (id int);

-- migrate:downgrade
DROP TABLE expand_beside_done;
