-- What an erasure's consent tombstone removed before the erasure request arrived (the privacy kit's ErasureTally):
-- the request's receipt adds it to its own counts and deletes the row, so a row lives from tombstone to request.
CREATE TABLE erasure_tally (
    user_id TEXT   NOT NULL,
    store   TEXT   NOT NULL,
    removed BIGINT NOT NULL CHECK (removed > 0),
    PRIMARY KEY (user_id, store)
);
