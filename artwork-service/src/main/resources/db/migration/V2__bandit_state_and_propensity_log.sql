-- The genres the contextual policy learns a viewer's taste from (hashed into a few features).
ALTER TABLE titles ADD COLUMN genres TEXT[] NOT NULL DEFAULT '{}';

-- The propensity log: one row per artwork choice shown to a viewer who granted artwork-personalization (no row
-- for anyone else). Personal data: deleted after the configured retention and on erasure.
CREATE TABLE impressions (
    impression_id UUID PRIMARY KEY,
    user_id       TEXT             NOT NULL,
    title_id      TEXT             NOT NULL,
    artwork_id    TEXT             NOT NULL,
    policy        TEXT             NOT NULL,
    -- The probability with which the policy showed this variant (for a sticky repeat: the first showing's).
    propensity    DOUBLE PRECISION NOT NULL CHECK (propensity > 0 AND propensity <= 1),
    sticky        BOOLEAN          NOT NULL,
    -- The variants the choice was among, in the policy's order: off-line evaluation needs the action set.
    candidates    TEXT[]           NOT NULL,
    -- The viewing situation as given (device, locale, local time) and the named features the policy used.
    context       JSONB            NOT NULL,
    -- The features the contextual model learns from, as a sparse vector, and the layout that gives them meaning.
    x_idx         INT[]            NOT NULL,
    x_val         DOUBLE PRECISION[] NOT NULL,
    z_idx         INT[]            NOT NULL,
    layout        TEXT             NOT NULL,
    shown_at      TIMESTAMPTZ      NOT NULL,
    reward        DOUBLE PRECISION,
    rewarded_at   TIMESTAMPTZ,
    -- Settled: the reward is final and has been added to the learned state, exactly once.
    settled       BOOLEAN          NOT NULL DEFAULT FALSE
);

CREATE INDEX impressions_unsettled ON impressions (shown_at) WHERE NOT settled;
CREATE INDEX impressions_user ON impressions (user_id, shown_at);
CREATE INDEX impressions_shown ON impressions (shown_at);

-- Learned state, as sums every replica adds to and reloads: per variant, settled impressions and their reward.
CREATE TABLE variant_stats (
    artwork_id TEXT PRIMARY KEY,
    title_id   TEXT             NOT NULL,
    trials     DOUBLE PRECISION NOT NULL,
    reward     DOUBLE PRECISION NOT NULL
);

-- The contextual model's sufficient statistics, sparse: Σφφᵀ at (i, j), Σ(r − μ)φ at (i, -1), the number of
-- observations at (-1, -1). Keyed by feature layout: sums made under another tag vocabulary are not mixed in.
CREATE TABLE linear_sums (
    layout TEXT             NOT NULL,
    i      INT              NOT NULL,
    j      INT              NOT NULL,
    value  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (layout, i, j)
);

-- Bumped by every settlement, so replicas reload the learned state only when it changed.
CREATE TABLE bandit_version (
    id      INT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO bandit_version VALUES (1, 0);
