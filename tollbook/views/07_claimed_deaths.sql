-- Claimed deaths per event, claimant, side of the dead and perpetrator named: the sum of each
-- claimant's counted death figures (tallied_figures; superseded and nested ones left out), beside
-- the claimant's figure for that side (all perpetrators), the side's reconciled best, and
-- from_best = claimant_side_best - event_side_best (how far the claimant sits from the rule's result).
WITH per_perpetrator AS (
    SELECT event_id, claimant_id, side, party_id, perpetrator_id,
           sum(low)::BIGINT AS low, sum(best)::BIGINT AS best, sum(high)::BIGINT AS high
    FROM tallied_figures
    WHERE measure = 'deaths' AND tally_status = 'counted'
    GROUP BY ALL
)
SELECT p.event_id, p.claimant_id, p.side, p.party_id, p.perpetrator_id,
       p.low, p.best, p.high,
       c.partisan,
       c.best AS claimant_side_best,
       e.best AS event_side_best,
       c.best - e.best AS from_best
FROM per_perpetrator p
JOIN claimant_tallies c
  ON c.event_id = p.event_id AND c.measure = 'deaths' AND c.side = p.side AND c.claimant_id = p.claimant_id
JOIN event_tallies e ON e.event_id = p.event_id AND e.measure = 'deaths' AND e.side = p.side
ORDER BY p.event_id, p.side, p.claimant_id, p.perpetrator_id NULLS FIRST
