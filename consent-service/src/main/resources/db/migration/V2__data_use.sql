-- The data-use log: one row per personalized answer, saying which purposes, data categories and services were
-- involved. A request is recorded once per user however often its event is delivered (the key below).
CREATE TABLE data_use (
    request_id      TEXT        NOT NULL,
    user_id         TEXT        NOT NULL,
    purposes        TEXT[]      NOT NULL,
    data_categories TEXT[]      NOT NULL,
    services        TEXT[]      NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, request_id)
);

-- A user's log within a window, newest first.
CREATE INDEX data_use_user_occurred ON data_use (user_id, occurred_at DESC);
-- The retention purge.
CREATE INDEX data_use_occurred ON data_use (occurred_at);
