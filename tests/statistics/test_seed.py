"""The seed corpus built fresh into tmp_path: the figures issue #5 names, exactly."""

from __future__ import annotations

import pytest

import tollbook


@pytest.fixture(scope="module")
def release(repo_release_root) -> str:
    """The releases folder holding the repository's dataset built fresh (tests/conftest.py)."""
    return str(repo_release_root / "releases")


def _event(release: str, event_id: str):
    return tollbook.load("events", releases=release).set_index("event_id").loc[event_id]


def test_jisr_al_shughur_deaths_of_both_sides_from_one_sohr_claim(release):
    row = _event(release, "evt_2015_jisr_al_shughur_offensive")
    assert (row["side_a_id"], row["side_b_id"]) == ("act_syrian_government_forces", "act_rebels")
    values = row[["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "best", "high",
                  "airstrikes_low", "airstrikes_best", "airstrikes_high", "number_of_claims",
                  "number_of_sources", "number_of_documents", "number_of_partisan_claims"]]
    assert [int(v) for v in values] == [30, 43, 0, 0, 73, 73, 73, 34, 34, 34, 2, 1, 1, 0]
    tallies = tollbook.load("event_tallies", releases=release)
    deaths = tallies[(tallies["event_id"] == "evt_2015_jisr_al_shughur_offensive") & (tallies["measure"] == "deaths")]
    assert [list(ids) for ids in deaths["claim_ids"]] == [["clm_b62e91b4_05"], ["clm_b62e91b4_05"]]


def test_republished_long_war_journal_report_counts_once(release):
    row = _event(release, "evt_2015_muhambel_push")
    assert [int(row[c]) for c in ("number_of_claims", "number_of_sources", "number_of_documents")] == [1, 1, 2]
    assert [int(row[c]) for c in ("low", "best", "high", "number_of_partisan_claims")] == [0, 0, 2, 1]


def test_nusra_accusation_is_partisan_and_the_government_force_size_by_curator(release):
    claims = tollbook.load("claims", releases=release).set_index("claim_id")
    assert claims.loc["clm_9717be33_07", ["partisan", "partisan_basis"]].tolist() == [True, "derived"]
    assert claims.loc["clm_9717be33_05", ["partisan", "partisan_basis"]].tolist() == [True, "curator"]
    assert claims.loc["clm_ad36ab31_06", ["partisan", "partisan_basis"]].tolist() == [True, "derived"]  # a copy
    row = _event(release, "evt_2015_idlib_prisoner_executions")
    assert [int(row[c]) for c in ("deaths_unknown", "low", "best", "high")] == [0, 0, 0, 15]


def test_views_exist_in_connect(release):
    con = tollbook.connect(releases=release)
    names = {r[0] for r in con.sql("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"claims_per_claimant", "claims_per_outlet", "disagreements", "timeline_daily", "timeline_monthly",
            "claims_per_place", "claimed_deaths", "claimed_deaths_overall", "falling_totals", "event_claims"} <= names
