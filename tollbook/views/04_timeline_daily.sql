-- Deaths (by the side of the dead) and airstrikes (by the side that struck) per day and party,
-- from the reconciled event tallies. An event is dated by its first day; date_prec says how
-- exactly (max over the events of the row).
SELECT e.date_start AS day,
       t.measure,
       t.side,
       t.party_id,
       sum(t.low) AS low,
       sum(t.best) AS best,
       sum(t.high) AS high,
       count(*) AS events,
       max(e.date_prec) AS date_prec
FROM event_tallies t
JOIN events e USING (event_id)
GROUP BY ALL
ORDER BY day, t.measure, t.side, t.party_id
