-- The user's diversity dial (0 = closest to their usual taste, 1 = widest mix), read by ranking.
ALTER TABLE profiles ADD COLUMN diversity DOUBLE PRECISION NOT NULL DEFAULT 0.3
    CHECK (diversity >= 0 AND diversity <= 1);

-- Events a user asked to forget. Only the id is kept, so that a redelivered copy of the event (Kafka
-- delivers at least once) is not stored again; what the event said is gone.
CREATE TABLE forgotten_events (
    event_id     UUID PRIMARY KEY,
    user_id      TEXT        NOT NULL,
    forgotten_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX forgotten_events_user ON forgotten_events (user_id);
