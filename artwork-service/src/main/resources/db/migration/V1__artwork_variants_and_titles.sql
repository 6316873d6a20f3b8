-- Artwork variants per title. A variant without an image_url is served as a generated poster, so the
-- URL stays null here and is resolved from configuration when shown (the public base URL may move).
CREATE TABLE artwork_variants (
    artwork_id      TEXT PRIMARY KEY,
    title_id        TEXT        NOT NULL,
    image_url       TEXT,
    tags            TEXT[]      NOT NULL DEFAULT '{}',
    dominant_colour TEXT,
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX artwork_variants_title ON artwork_variants (title_id);

-- artwork-service's own view of the catalog (fed by the catalog topic): the names the posters show.
-- No foreign key from variants: a variant may be created before its title's event arrives.
CREATE TABLE titles (
    title_id   TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    updated_at TIMESTAMPTZ
);
