-- Running totals that fell: a claimant's kept claim superseded an earlier figure of its own
-- (rule step 3, tallied_figures.superseded_by) yet gives that side less, or nothing (kept_best
-- missing). The event keeps the rule's result; both quotes are here for a curator to judge.
WITH superseded AS (
    SELECT event_id, measure, side, claimant_id, claim_id, superseded_by, sum(best)::BIGINT AS best
    FROM tallied_figures
    WHERE tally_status = 'superseded'
    GROUP BY ALL
), kept AS (
    SELECT event_id, measure, side, claim_id, sum(best)::BIGINT AS best
    FROM tallied_figures
    WHERE tally_status = 'counted'
    GROUP BY ALL
)
SELECT s.event_id, s.measure, s.side, s.claimant_id,
       s.claim_id AS superseded_claim_id, sc.quote AS superseded_quote, s.best AS superseded_best,
       s.superseded_by AS kept_claim_id, kc.quote AS kept_quote, k.best AS kept_best
FROM superseded s
LEFT JOIN kept k
  ON k.event_id = s.event_id AND k.measure = s.measure AND k.side = s.side AND k.claim_id = s.superseded_by
JOIN claims sc ON sc.claim_id = s.claim_id
JOIN claims kc ON kc.claim_id = s.superseded_by
WHERE k.best IS NULL OR k.best < s.best
ORDER BY s.event_id, s.measure, s.side, s.claimant_id, s.claim_id
