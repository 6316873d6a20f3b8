-- A user's stated preferences. The user id is the OIDC subject; no other identity is stored here.
CREATE TABLE profiles (
    user_id          TEXT PRIMARY KEY,
    display_name     TEXT,
    locale           TEXT        NOT NULL DEFAULT 'en-GB',
    time_zone        TEXT        NOT NULL DEFAULT 'UTC',
    maturity_rating  TEXT        NOT NULL DEFAULT '18+',
    favourite_genres TEXT[]      NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Interaction history, one row per accepted event. event_id is the idempotency key: Kafka may
-- deliver an event twice, and the gateway may publish it twice after a retry.
CREATE TABLE interactions (
    event_id      UUID PRIMARY KEY,
    user_id       TEXT             NOT NULL,
    title_id      TEXT,
    type          TEXT             NOT NULL,
    value         DOUBLE PRECISION,
    artwork_id    TEXT,
    impression_id TEXT,
    query         TEXT,
    device        TEXT,
    locale        TEXT,
    time_zone     TEXT,
    local_time    TIME,
    occurred_at   TIMESTAMPTZ      NOT NULL,
    recorded_at   TIMESTAMPTZ      NOT NULL DEFAULT now()
);

CREATE INDEX interactions_user_time ON interactions (user_id, occurred_at DESC, event_id);
