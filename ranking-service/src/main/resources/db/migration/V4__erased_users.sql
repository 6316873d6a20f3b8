-- Users erased here, so that their interactions still in flight on the interactions topic (sent before the
-- erasure, delivered after it) are not stored again: forgotten_events cannot say so, the erasure deletes it too.
-- Only a hex SHA-256 of the user id is kept, never the id. An event that occurred after erased_at is new data
-- (the user came back) and is stored.
CREATE TABLE erased_users (
    user_hash TEXT PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL
);
