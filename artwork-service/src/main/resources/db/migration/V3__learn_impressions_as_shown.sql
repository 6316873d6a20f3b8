-- The learned state now counts an impression when it is logged (a trial with no reward yet) and adds its reward
-- when a play or click is credited, so learning follows the traffic instead of waiting for the window to close,
-- and a play can no longer be counted before the impressions that did not lead to one. "settled" has no role.
DROP INDEX impressions_unsettled;
ALTER TABLE impressions DROP COLUMN settled;
-- The variant's mean when it was shown: the contextual model learns the reward beyond it, r − μ, in two parts
-- (−μ when shown, +r when credited), which must use the same μ.
ALTER TABLE impressions ADD COLUMN baseline DOUBLE PRECISION NOT NULL DEFAULT 0;
