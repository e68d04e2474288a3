-- Event sides where independent claimants give different figures: one row per claimant,
-- its figure beside the event's reconciled low / best / high.
WITH differing AS (
    SELECT event_id, measure, side
    FROM claimant_tallies
    GROUP BY ALL
    HAVING count(*) > 1 AND (min(low) <> max(low) OR min(best) <> max(best) OR min(high) <> max(high))
)
SELECT t.event_id, t.measure, t.side, t.party_id, t.claimant_id, t.partisan,
       t.low, t.best, t.high,
       e.low AS event_low, e.best AS event_best, e.high AS event_high,
       t.claim_ids
FROM claimant_tallies t
JOIN differing USING (event_id, measure, side)
JOIN event_tallies e USING (event_id, measure, side)
ORDER BY t.event_id, t.measure, t.side, t.best, t.claimant_id
