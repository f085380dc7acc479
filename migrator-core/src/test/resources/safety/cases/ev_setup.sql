-- Revision: ev_setup
-- Message: ev_setup
-- Irreversible: test setup

-- migrate:upgrade
CREATE TYPE ev_mood AS ENUM ('ok', 'sad');
CREATE TABLE ev_people (id bigint PRIMARY KEY, mood ev_mood);
INSERT INTO ev_people SELECT g, 'ok' FROM generate_series(1, 200) g;
ANALYZE ev_people;
