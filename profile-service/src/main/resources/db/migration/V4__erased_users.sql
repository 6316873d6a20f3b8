-- Users erased, so that events of theirs still in flight on the interactions topic when the erasure ran are not
-- stored again: an event that occurred at or before erased_at is pre-erasure data. Only a hex SHA-256 of the
-- user id is kept, never the id itself, so the marker does not undo the erasure it records.
CREATE TABLE erased_users (
    user_hash TEXT PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL
);
