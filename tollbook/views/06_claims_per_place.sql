-- Claims per place, ready for a map: a claim counts at its own place and at every place one
-- of its figures names, with that figure's event and dates. Copies not counted.
WITH placed AS (
    SELECT claim_id, location_id, event_id, date_start, date_end FROM claims WHERE duplicate_of IS NULL
    UNION SELECT claim_id, location_id, event_id, date_start, date_end FROM casualties
    UNION SELECT claim_id, location_id, event_id, date_start, date_end FROM airstrikes
    UNION SELECT claim_id, location_id, event_id, date_start, date_end FROM control_changes
    UNION SELECT claim_id, location_id, event_id, date_start, date_end FROM force_sizes
)
SELECT l.location_id, l.name, l.latitude, l.longitude, l.where_prec,
       count(DISTINCT p.claim_id) AS claims,
       count(DISTINCT c.story_id) AS sources,
       count(DISTINCT p.event_id) AS events,
       min(p.date_start) AS first_day,
       max(p.date_end) AS last_day
FROM placed p
JOIN claims c USING (claim_id)
JOIN locations l ON l.location_id = p.location_id
GROUP BY ALL
ORDER BY claims DESC, l.location_id
