-- Revision: b2c3d4e5f6a1
-- Revises: a1b2c3d4e5f6
-- Message: waits until the test releases advisory lock (4242, 1)

-- migrate:upgrade
-- The test holds the lock to keep this revision running; no lock_timeout for this wait only.
SET LOCAL lock_timeout = 0;
SELECT pg_advisory_xact_lock(4242, 1);
CREATE TABLE slow_done (id int);

-- migrate:downgrade
DROP TABLE slow_done;
