"""The small tables the release report is drawn from, queried with DuckDB over a release.

Counting rules follow the data dictionary: a republished copy (claims.duplicate_of) and a
nested figure (casualties.part_of) are never counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

HEADLINE = """
SELECT
  (SELECT count(*) FROM documents) AS documents,
  (SELECT count(DISTINCT story_id) FROM documents) AS stories,
  (SELECT count(*) FROM claims WHERE duplicate_of IS NULL) AS claims,
  (SELECT count(*) FROM claims WHERE duplicate_of IS NOT NULL) AS republished_copies,
  (SELECT count(*) FROM casualties) AS casualty_figures,
  (SELECT count(*) FROM airstrikes) AS airstrike_figures,
  (SELECT count(*) FROM control_changes) AS control_changes,
  (SELECT count(*) FROM force_sizes) AS force_sizes,
  (SELECT count(*) FROM events) AS events,
  (SELECT count(DISTINCT claimant_id) FROM claims) AS claimants,
  (SELECT count(*) FROM locations) AS places,
  (SELECT min(date_start) FROM claims) AS first_day,
  (SELECT max(coalesce(date_end, date_start)) FROM claims) AS last_day
"""

# One row per figure that counts: casualties (every outcome) and airstrikes, per party (as an
# actor; "not said" when the text does not say whose). Figures over more than a month (war-wide
# and campaign totals) are left out: a timeline places incidents, not running totals.
TIMELINE = """
WITH figures AS (
  SELECT 'casualties' AS kind, c.outcome AS what, coalesce(a.name, 'not said') AS party,
         c.date_start, c.date_end, c.count_low, c.count_best, c.count_high, c.claim_id
  FROM casualties c LEFT JOIN actors a ON a.actor_id = c.party_id
  WHERE c.part_of IS NULL
  UNION ALL
  SELECT 'airstrikes', s.weapon, coalesce(a.name, 'unknown'),
         s.date_start, s.date_end, s.count_low, s.count_best, s.count_high, s.claim_id
  FROM airstrikes s LEFT JOIN actors a ON a.actor_id = s.perpetrator_id
)
SELECT f.kind, CAST(f.what AS VARCHAR) AS what, f.party,
       coalesce(f.date_start, cl.date_start, d.published_date) AS date_start,
       coalesce(f.date_end, f.date_start, cl.date_end, cl.date_start, d.published_date) AS date_end,
       f.count_low, f.count_best, f.count_high, k.name AS claimant
FROM figures f
JOIN claims cl USING (claim_id)
JOIN documents d USING (document_id)
JOIN actors k ON k.actor_id = cl.claimant_id
WHERE cl.duplicate_of IS NULL
  AND coalesce(f.date_end, f.date_start, cl.date_end, cl.date_start, d.published_date)
      - coalesce(f.date_start, cl.date_start, d.published_date) <= 31
ORDER BY f.kind, date_start, f.party
"""

BY_CLAIMANT = """
SELECT k.name AS claimant, d.outlet, count(*) AS claims
FROM claims cl JOIN actors k ON k.actor_id = cl.claimant_id JOIN documents d USING (document_id)
GROUP BY ALL ORDER BY claims DESC, claimant, outlet
"""

# Claimants who disagree about one place in one event (status or who gained it), or about
# one casualty group (same event, outcome and party, different bounds).
CONTROL_DISAGREEMENTS = """
WITH rows AS (
  SELECT x.event_id, l.name AS place, k.name AS claimant, CAST(x.status AS VARCHAR) AS status,
         coalesce(g.name, '') AS gained_by
  FROM control_changes x JOIN claims cl USING (claim_id)
  JOIN actors k ON k.actor_id = cl.claimant_id
  JOIN locations l ON l.location_id = x.location_id
  LEFT JOIN actors g ON g.actor_id = x.gained_by_id
  WHERE cl.duplicate_of IS NULL AND x.event_id IS NOT NULL
), groups AS (
  SELECT event_id, place FROM rows GROUP BY ALL
  HAVING count(DISTINCT claimant) > 1 AND count(DISTINCT status || '|' || gained_by) > 1
)
SELECT DISTINCT r.event_id, r.place, r.claimant, r.status, r.gained_by
FROM rows r JOIN groups USING (event_id, place)
ORDER BY r.event_id, r.place, r.status, r.claimant
"""

COUNT_DISAGREEMENTS = """
WITH rows AS (
  SELECT c.event_id, CAST(c.outcome AS VARCHAR) AS outcome, coalesce(a.name, 'unknown') AS party,
         k.name AS claimant, c.count_low, c.count_best, c.count_high
  FROM casualties c JOIN claims cl USING (claim_id)
  JOIN actors k ON k.actor_id = cl.claimant_id
  LEFT JOIN actors a ON a.actor_id = c.party_id
  WHERE cl.duplicate_of IS NULL AND c.part_of IS NULL AND c.event_id IS NOT NULL
), groups AS (
  SELECT event_id, outcome, party FROM rows GROUP BY ALL
  HAVING count(DISTINCT claimant) > 1
     AND count(DISTINCT concat_ws('|', count_low, count_best, count_high)) > 1
)
SELECT r.* FROM rows r JOIN groups USING (event_id, outcome, party)
ORDER BY r.event_id, r.outcome, r.party, r.claimant
"""

# Deaths each claimant gives per side of the dead, summed over events (claimed_deaths_overall:
# counted figures only, so running totals and nested figures are not added twice).
CLAIMED_DEATHS = """
SELECT DISTINCT coalesce(k.name, o.claimant_id) AS claimant,
       CASE WHEN o.dead_of IN ('civilians', 'unknown') THEN o.dead_of ELSE coalesce(a.name, o.dead_of) END AS dead_of,
       o.claimant_best AS deaths, o.reconciled_best
FROM claimed_deaths_overall o
LEFT JOIN actors k ON k.actor_id = o.claimant_id
LEFT JOIN actors a ON a.actor_id = o.dead_of
ORDER BY claimant, dead_of
"""

# Events per corroboration grade (docs/methodology.md), and how many count children or women.
GRADES = """
SELECT coalesce(CAST(corroboration AS VARCHAR), 'no death figure') AS corroboration, count(*) AS events,
       count(children_best) AS with_children, count(women_best) AS with_women
FROM events GROUP BY ALL ORDER BY events DESC, corroboration
"""

# Claims per place as the claims_per_place view counts them (one definition: a claim counts at
# its own place and at every place one of its figures names), with the places no claim names.
PLACES = """
SELECT l.name, l.latitude, l.longitude, l.country_iso3, CAST(l.feature_type AS VARCHAR) AS feature_type,
       coalesce(p.claims, 0) AS claims
FROM locations l LEFT JOIN claims_per_place p USING (location_id)
ORDER BY claims DESC, l.name
"""

COUNTRIES = "SELECT iso3, name, min_lat, max_lat, min_lon, max_lon FROM countries ORDER BY iso3"


@dataclass
class ReportData:
    version: str
    manifest: dict
    headline: dict
    timeline: pd.DataFrame
    by_claimant: pd.DataFrame
    control_disagreements: pd.DataFrame
    count_disagreements: pd.DataFrame
    claimed_deaths: pd.DataFrame
    grades: pd.DataFrame
    places: pd.DataFrame
    countries: pd.DataFrame


def _frame(con: duckdb.DuckDBPyConnection, query: str) -> pd.DataFrame:
    # Through Arrow: faster than .df() and keeps dates as dates.
    return con.sql(query).to_arrow_table().to_pandas()


def collect(con: duckdb.DuckDBPyConnection, version: str, manifest: dict) -> ReportData:
    headline = _frame(con, HEADLINE).iloc[0].to_dict()
    return ReportData(
        version=version,
        manifest=manifest,
        headline=headline,
        timeline=_frame(con, TIMELINE),
        by_claimant=_frame(con, BY_CLAIMANT),
        control_disagreements=_frame(con, CONTROL_DISAGREEMENTS),
        count_disagreements=_frame(con, COUNT_DISAGREEMENTS),
        claimed_deaths=_frame(con, CLAIMED_DEATHS),
        grades=_frame(con, GRADES),
        places=_frame(con, PLACES),
        countries=_frame(con, COUNTRIES),
    )
