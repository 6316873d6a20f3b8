-- Export jobs and their archives. An archive is a full copy of a user's data, so it expires (expires_at) and
-- is purged; erasure deletes it at once.
CREATE TABLE exports (
    id           UUID        PRIMARY KEY,
    user_id      TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    progress     JSONB       NOT NULL,
    archive      JSONB,
    created_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ NOT NULL
);

-- At most one running export per user: a second request gets the running one.
CREATE UNIQUE INDEX exports_one_running_per_user ON exports (user_id) WHERE status = 'RUNNING';
CREATE INDEX exports_user ON exports (user_id);
CREATE INDEX exports_expires ON exports (expires_at);
