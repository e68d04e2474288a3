-- claimed_deaths summed over events: per claimant, whose dead (dead_of: the event side's actor,
-- or civilians / unknown) and perpetrator named. claimant_best and reconciled_best sum the
-- claimant's figure and the reconciled best over the event sides it gives a figure for (all
-- perpetrators), and from_best is their difference.
WITH sides AS (
    SELECT DISTINCT event_id, claimant_id, coalesce(party_id, side) AS dead_of, claimant_side_best, event_side_best
    FROM claimed_deaths
), totals AS (
    SELECT claimant_id, dead_of, count(*) AS event_sides,
           sum(claimant_side_best)::BIGINT AS claimant_best, sum(event_side_best)::BIGINT AS reconciled_best
    FROM sides
    GROUP BY ALL
)
SELECT d.claimant_id, coalesce(d.party_id, d.side) AS dead_of, d.perpetrator_id,
       count(DISTINCT d.event_id) AS events,
       sum(d.low)::BIGINT AS low, sum(d.best)::BIGINT AS best, sum(d.high)::BIGINT AS high,
       t.event_sides, t.claimant_best, t.reconciled_best,
       t.claimant_best - t.reconciled_best AS from_best
FROM claimed_deaths d
JOIN totals t ON t.claimant_id = d.claimant_id AND t.dead_of = coalesce(d.party_id, d.side)
GROUP BY ALL
ORDER BY d.claimant_id, dead_of, d.perpetrator_id NULLS FIRST
