-- The consent ledger: one row per change of a user's answer for a purpose, newest last. Rows are never
-- updated: the ledger is the evidence of what a user agreed to, under which policy version, and when.
-- (Erasure will be the one path that deletes a user's rows.)
CREATE TABLE consent_ledger (
    id             BIGSERIAL PRIMARY KEY,
    user_id        TEXT        NOT NULL,
    purpose        TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('GRANTED', 'DENIED', 'WITHDRAWN')),
    policy_version TEXT        NOT NULL,
    source         TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Serves "latest row per purpose of a user" (current state) and a user's history.
CREATE INDEX consent_ledger_user_purpose ON consent_ledger (user_id, purpose, id DESC);

-- Append-only, enforced by the database too: a bug or a hand-written statement cannot rewrite history.
CREATE FUNCTION consent_ledger_reject_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_ledger is append-only: rows are never updated';
END
$$;

CREATE TRIGGER consent_ledger_append_only
    BEFORE UPDATE ON consent_ledger
    FOR EACH ROW EXECUTE FUNCTION consent_ledger_reject_update();
