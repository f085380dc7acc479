-- Revision: 0a5e00000004
-- Revises: 0a5e00000002
-- Message: waits until the test releases advisory lock (4242, 2)

-- migrate:upgrade
-- The test holds the lock to keep this revision running; no lock_timeout for this wait only.
SET LOCAL lock_timeout = 0;
SELECT pg_advisory_xact_lock(4242, 2);
CREATE TABLE slow_done (id int);

-- migrate:downgrade
DROP TABLE slow_done;
