-- The request context of each event, for personalized search (what a user watches on which device, at
-- which hour of their own day).
ALTER TABLE interactions ADD COLUMN device TEXT, ADD COLUMN local_hour SMALLINT;

-- Events a user asked to forget: only the id, so a redelivered copy is not stored again.
CREATE TABLE forgotten_events (
    event_id     UUID PRIMARY KEY,
    user_id      TEXT        NOT NULL,
    forgotten_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX forgotten_events_user ON forgotten_events (user_id);

-- Every model trained, with its data window and offline metrics; the served one is the newest 'ready'.
CREATE TABLE model_versions (
    model_id      TEXT PRIMARY KEY,
    kind          TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('running', 'ready', 'failed', 'cancelled')),
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    window_from   TIMESTAMPTZ,
    window_to     TIMESTAMPTZ,
    users         INTEGER,
    items         INTEGER,
    interactions  BIGINT,
    parameters    JSONB       NOT NULL DEFAULT '{}',
    metrics       JSONB       NOT NULL DEFAULT '{}',
    detail        TEXT
);
CREATE INDEX model_versions_started ON model_versions (started_at DESC);
