-- The catalog: ranking-service owns it and publishes every change on the compacted `catalog` topic.
CREATE TABLE titles (
    title_id        TEXT PRIMARY KEY,
    name            TEXT        NOT NULL,
    genres          TEXT[]      NOT NULL DEFAULT '{}',
    themes          TEXT[]      NOT NULL DEFAULT '{}',
    moods           TEXT[]      NOT NULL DEFAULT '{}',
    maturity_rating TEXT        NOT NULL,
    release_year    INTEGER,
    available_from  TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX titles_updated ON titles (updated_at);

-- Ranking's own copy of the interactions it learns from (models train on it later). event_id makes
-- applying an event idempotent: only rows that are new here change the online state in Redis.
CREATE TABLE interactions (
    event_id    UUID PRIMARY KEY,
    user_id     TEXT             NOT NULL,
    title_id    TEXT,
    type        TEXT             NOT NULL,
    value       DOUBLE PRECISION,
    occurred_at TIMESTAMPTZ      NOT NULL
);
CREATE INDEX interactions_user ON interactions (user_id, occurred_at DESC);
