-- Claims per claimant and month (the month its document was published); copies not counted.
SELECT c.claimant_id,
       a.name AS claimant,
       strftime(d.published_date, '%Y-%m') AS month,
       count(*) AS claims,
       count(DISTINCT c.story_id) AS stories,
       count(*) FILTER (WHERE c.partisan) AS partisan_claims
FROM claims c
JOIN documents d USING (document_id)
LEFT JOIN actors a ON a.actor_id = c.claimant_id
WHERE c.duplicate_of IS NULL
GROUP BY ALL
ORDER BY month, c.claimant_id
