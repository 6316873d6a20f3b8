-- artwork-service's own view of each user's consent, fed by the compacted consent-changes topic: rewards are
-- credited and taste learned only for viewers whose artwork-personalization is granted here, and a withdrawal
-- deletes the viewer's per-user Redis state. One row per user with their granted purposes; no row means nothing
-- is granted. changed_at orders the changes (an older one never overwrites a newer one); applied_at is when this
-- service applied it (the consent-propagation benchmark reads it).
CREATE TABLE consent_view (
    user_id    TEXT PRIMARY KEY,
    purposes   TEXT[]      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
);
