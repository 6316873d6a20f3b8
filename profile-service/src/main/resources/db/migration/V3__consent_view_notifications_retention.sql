-- This service's own view of consent, fed by the compacted consent-changes topic. Only granted purposes are
-- kept: anything absent is not granted, so an unknown user has no consent (fail closed). changed_at orders
-- the changes (a replayed older event must not undo a newer one); applied_at is when this service applied
-- the change, read by the consent-propagation benchmark.
CREATE TABLE consent_view (
    user_id    TEXT PRIMARY KEY,
    granted    TEXT[]      NOT NULL DEFAULT '{}',
    changed_at TIMESTAMPTZ NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A user's notification pacing, when they changed the defaults. quiet_start = quiet_end means no quiet hours.
CREATE TABLE notification_settings (
    user_id     TEXT PRIMARY KEY,
    per_day     INTEGER     NOT NULL CHECK (per_day BETWEEN 0 AND 10),
    per_week    INTEGER     NOT NULL CHECK (per_week BETWEEN 0 AND 50),
    quiet_start TIME        NOT NULL,
    quiet_end   TIME        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every pacing decision, so that caps and repeat windows can be counted and users can see what was decided.
-- reason is a code (no-consent, quiet-hours, daily-cap, weekly-cap, repeat-window, allowed).
CREATE TABLE notification_decisions (
    id          UUID PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    urgency     TEXT        NOT NULL CHECK (urgency IN ('LOW', 'NORMAL', 'HIGH')),
    decision    TEXT        NOT NULL CHECK (decision IN ('ALLOW', 'DEFER', 'DENY')),
    reason      TEXT        NOT NULL,
    defer_until TIMESTAMPTZ,
    decided_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_decisions_user_time ON notification_decisions (user_id, decided_at DESC, id);

-- Retention purges select by age across all users; without these they would scan whole tables.
CREATE INDEX interactions_occurred ON interactions (occurred_at);
CREATE INDEX notification_decisions_decided ON notification_decisions (decided_at);
CREATE INDEX forgotten_events_forgotten ON forgotten_events (forgotten_at);
