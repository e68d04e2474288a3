-- Every claim about an event: claims whose own event_id is the event, claims one of whose
-- figures (casualties, airstrikes, control changes, force sizes) carries it, and republished
-- copies of either. own_event: the claim's event_id is this event; figures: how many of its
-- figures carry it.
WITH about AS (
    SELECT event_id, claim_id, 'claim' AS how FROM claims WHERE event_id IS NOT NULL
    UNION ALL SELECT event_id, claim_id, 'figure' FROM casualties WHERE event_id IS NOT NULL
    UNION ALL SELECT event_id, claim_id, 'figure' FROM airstrikes WHERE event_id IS NOT NULL
    UNION ALL SELECT event_id, claim_id, 'figure' FROM control_changes WHERE event_id IS NOT NULL
    UNION ALL SELECT event_id, claim_id, 'figure' FROM force_sizes WHERE event_id IS NOT NULL
), with_copies AS (
    SELECT event_id, claim_id, how FROM about
    UNION ALL
    SELECT DISTINCT a.event_id, c.claim_id, 'copy' FROM about a JOIN claims c ON c.duplicate_of = a.claim_id
)
SELECT w.event_id, w.claim_id, c.claimant_id, c.document_id, c.story_id, c.duplicate_of, c.partisan,
       c.event_id AS claim_event_id,
       coalesce(c.event_id = w.event_id, false) AS own_event,
       count(*) FILTER (WHERE w.how = 'figure') AS figures,
       c.quote
FROM with_copies w
JOIN claims c USING (claim_id)
GROUP BY ALL
ORDER BY w.event_id, w.claim_id
