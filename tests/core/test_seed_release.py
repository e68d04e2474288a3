"""The seed corpus, built fresh: the figures issue #2 names are in the release, exactly."""

from __future__ import annotations

import datetime as dt

import factories
import pandas as pd
import pytest
from factories import REPO

import tollbook
from tollbook.pipeline import prepare_or_raise
from tollbook.release.write import build_release


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("releases")
    seeds = factories.copy_seed_reports(REPO, tmp_path_factory.mktemp("seeds"))
    build_release(prepare_or_raise(seeds), folder)
    return str(folder)


def _load(table: str, release: str) -> pd.DataFrame:
    return tollbook.load(table, releases=release)


def test_sohr_jisr_al_shughur_figures_are_three_rows_of_one_claim(release):
    cas = _load("casualties", release)
    rows = cas[cas["claim_id"] == "clm_b62e91b4_05"].sort_values("casualty_id")
    assert rows[["casualty_id", "party_id", "party_text", "count_best", "part_of"]].astype(object).where(
        rows[["casualty_id", "party_id", "party_text", "count_best", "part_of"]].notna(), None
    ).values.tolist() == [
        ["cas_b62e91b4_05a", "act_syrian_government_forces", "regime troops", 30, None],
        ["cas_b62e91b4_05b", "act_rebels", "rebels", 43, None],
        ["cas_b62e91b4_05c", "act_rebels", "Chechen fighters", 13, "cas_b62e91b4_05b"],
    ]
    assert set(rows["outcome"]) == {"killed"}
    assert set(rows["qualifier"]) == {"exact"}
    assert set(rows["location_id"]) == {"loc_jisr_al_shughur"}
    assert set(rows["date_start"]) == {pd.Timestamp("2015-04-23")}
    assert set(rows["date_end"]) == {pd.Timestamp("2015-04-24")}


def test_sohr_claim_is_relayed_by_afp(release):
    claim = _load("claims", release).set_index("claim_id").loc["clm_b62e91b4_05"]
    assert claim["claimant_id"] == "act_sohr"
    assert list(claim["relayed_by"]) == ["act_afp", "act_al_bawaba"]
    assert claim["date_text"] == "Since the fighting began on Thursday"
    assert claim["date_prec"] == 2
    assert claim["quote"] == (
        "Since the fighting began on Thursday, 30 regime troops and 43 rebels – including 13 "
        "Chechen fighters – have been killed, Abdel-Rahman said."
    )


def test_34_airstrikes_by_government_forces_on_24_april(release):
    air = _load("airstrikes", release)
    assert air[["perpetrator_id", "count_best", "weapon"]].astype(object).values.tolist() == [
        ["act_syrian_government_forces", 34, "airstrike"]
    ]
    assert air["date_start"].iloc[0] == pd.Timestamp("2015-04-24")
    assert air["date_prec"].iloc[0] == 1


def test_june_2015_villages_are_captured_by_jaysh_al_fateh(release):
    cc = _load("control_changes", release)
    june = cc[(cc["claim_id"] == "clm_0eebb397_04")]
    assert sorted(june["location_id"]) == ["loc_ayn_al_hamra", "loc_basnaqul", "loc_muhambel", "loc_sanqara"]
    assert set(june["status"]) == {"captured"}
    assert set(june["gained_by_id"]) == {"act_jaysh_al_fateh"}
    assert set(june["date_end"]) == {pd.Timestamp("2015-06-08")}


def test_republished_article_counts_once(release):
    docs = _load("documents", release).set_index("document_id")
    assert docs.loc["doc_ad36ab31ed5c20f9", "story_id"] == docs.loc["doc_0eebb3978b350830", "story_id"]
    assert docs.loc["doc_ad36ab31ed5c20f9", "original_document_id"] == "doc_0eebb3978b350830"
    claims = _load("claims", release)
    copies = claims[claims["document_id"] == "doc_ad36ab31ed5c20f9"]
    originals = claims[claims["document_id"] == "doc_0eebb3978b350830"]
    assert len(copies) == len(originals) == 10
    assert copies["duplicate_of"].notna().all()
    assert sorted(copies["duplicate_of"]) == sorted(originals["claim_id"])
    for table in ("casualties", "airstrikes", "control_changes", "force_sizes"):
        assert not _load(table, release)["claim_id"].isin(copies["claim_id"]).any(), table


def test_no_figure_from_furniture_captions_fundraising_or_comments(release):
    claims = _load("claims", release)
    docs = _load("documents", release).set_index("document_id")
    for row in claims.itertuples():
        assert docs.loc[row.document_id, "body_start"] <= row.char_start < row.char_end <= docs.loc[
            row.document_id, "body_end"]
    joined = " ".join(claims["quote"])
    for furniture in ("Screen Shot", "£", "Title 17", "©", "says:", "Days remaining", "Bookshop"):
        assert furniture not in joined


def test_morning_star_date_is_an_inference_recorded_as_such(release):
    doc = _load("documents", release).set_index("document_id").loc["doc_9717be3379037acb"]
    assert doc["published_date"] == pd.Timestamp("2015-03-29")
    assert doc["published_date_kind"] == "inferred"


def test_release_row_counts(release):
    counts = {t: len(_load(t, release)) for t in ("documents", "claims", "casualties", "airstrikes",
                                                   "control_changes", "force_sizes", "events")}
    # events.yaml holds the events of every report; the seed reports link to 12 of them
    assert counts == {"documents": 5, "claims": 41, "casualties": 6, "airstrikes": 1,
                      "control_changes": 29, "force_sizes": 2, "events": 229}
    linked = _load("claims", release)["event_id"].dropna().astype(str)
    changed = _load("control_changes", release)["event_id"].dropna().astype(str)
    assert len(set(linked) | set(changed)) + 1 == 12  # and one seed event (Ghouta, 2015) with no claim
    assert dt.date(2015, 4, 24)  # dates are dates: checked in test_access
