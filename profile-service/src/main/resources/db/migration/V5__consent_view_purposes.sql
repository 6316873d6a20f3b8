-- The consent view is the privacy kit's (io.serenade.kit.consent.ConsentViewStore), one table shape in every service
-- that keeps one: its column of granted purposes is named purposes, as in ranking-service and artwork-service.
ALTER TABLE consent_view RENAME COLUMN granted TO purposes;
