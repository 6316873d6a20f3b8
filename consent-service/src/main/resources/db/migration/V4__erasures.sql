-- Erasure requests and the receipts of the services that carried them out. Once every service has answered,
-- user_id is cleared: what remains proves that an erasure happened (user_hash, an unsalted SHA-256 hex of the
-- user id, lets the user fetch their receipt) without keeping the id itself.
CREATE TABLE erasures (
    id              UUID        PRIMARY KEY,
    user_id         TEXT,
    user_hash       TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    requested_at    TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ,
    attempts        INT         NOT NULL,
    last_attempt_at TIMESTAMPTZ NOT NULL,
    CHECK (status = 'DONE' OR user_id IS NOT NULL)
);

CREATE INDEX erasures_user_hash ON erasures (user_hash, requested_at);
CREATE INDEX erasures_unfinished ON erasures (last_attempt_at) WHERE status <> 'DONE';
-- At most one erasure in progress per user: a second request gets the running one.
CREATE UNIQUE INDEX erasures_one_running_per_user ON erasures (user_id) WHERE status = 'RUNNING';

-- One receipt per service and erasure; no user id, by design.
CREATE TABLE erasure_receipts (
    erasure_id        UUID        NOT NULL REFERENCES erasures (id),
    service           TEXT        NOT NULL,
    deleted_per_store JSONB       NOT NULL,
    digest            TEXT        NOT NULL,
    completed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (erasure_id, service)
);

-- The ledger stays append-only for everything but erasure: the trigger rejects UPDATE, and the one DELETE
-- the application issues is the erasure of a user's rows (ErasureService), on the user's own request.
COMMENT ON TABLE consent_ledger IS
    'Append-only evidence of consent: rows are never updated; a user''s rows are deleted only by their erasure.';
