-- Documents and claims per publishing outlet and month; republished claims counted apart.
SELECT d.outlet_id,
       d.outlet,
       strftime(d.published_date, '%Y-%m') AS month,
       count(DISTINCT d.document_id) AS documents,
       count(c.claim_id) AS claims,
       count(c.duplicate_of) AS republished_claims
FROM documents d
LEFT JOIN claims c USING (document_id)
GROUP BY ALL
ORDER BY month, d.outlet
