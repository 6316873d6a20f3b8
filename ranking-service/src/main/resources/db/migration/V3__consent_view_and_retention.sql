-- ranking-service's own view of each user's consent, fed by the compacted consent-changes topic: training
-- learns only from users whose personalization is granted here. One row per user with their granted purposes;
-- no row means nothing is granted. changed_at orders the changes (an older one never overwrites a newer one);
-- applied_at is when this service applied it (the consent-propagation benchmark reads it).
CREATE TABLE consent_view (
    user_id    TEXT PRIMARY KEY,
    purposes   TEXT[]      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
);

-- The retention purge deletes by age across all users.
CREATE INDEX interactions_occurred ON interactions (occurred_at);
CREATE INDEX forgotten_events_forgotten ON forgotten_events (forgotten_at);
