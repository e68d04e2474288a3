-- The daily timeline summed per calendar month.
SELECT strftime(day, '%Y-%m') AS month,
       measure,
       side,
       party_id,
       sum(low) AS low,
       sum(best) AS best,
       sum(high) AS high,
       sum(events) AS events
FROM timeline_daily
GROUP BY ALL
ORDER BY month, measure, side, party_id
