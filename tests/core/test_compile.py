"""Compile the tiny dataset and check every derived value."""

from __future__ import annotations

import pandas as pd
from factories import edit_records

from tollbook.extract.compile import compile_tables
from tollbook.extract.counts import bounds
from tollbook.extract.dataset import read_dataset
from tollbook.extract.record_format import CountSpec
from tollbook.pipeline import prepare


def test_tiny_dataset_is_valid(tiny_dataset):
    prepared = prepare(tiny_dataset)
    assert prepared.problems == []
    assert {k: len(v) for k, v in prepared.tables.items() if len(v)} == {
        "documents": 1, "actors": 4, "actor_aliases": 4, "countries": 1, "locations": 2,
        "location_variants": 2, "vague_quantities": 1, "events": 1, "claims": 3, "casualties": 3,
        "airstrikes": 1, "control_changes": 1,
    }


def test_figures_inherit_claim_date_place_and_gazetteer_precision(tiny_dataset):
    tables = prepare(tiny_dataset).tables
    cas = tables["casualties"].set_index("casualty_id")
    assert cas.loc["cas_test_01c", "part_of"] == "cas_test_01b"
    assert cas.loc["cas_test_01a", "date_start"] == pd.Timestamp("2015-04-20")
    assert cas.loc["cas_test_01a", "location_id"] == "loc_testville"
    assert cas.loc["cas_test_01a", "where_prec"] == 1
    chg = tables["control_changes"].set_index("change_id").loc["chg_test_03a"]
    assert (chg["location_id"], chg["where_prec"], chg["status"]) == ("loc_smallton", 2, "captured")


def test_rows_are_sorted_by_key_and_columns_in_release_order(tiny_dataset):
    tables = prepare(tiny_dataset).tables
    assert list(tables["casualties"]["casualty_id"]) == ["cas_test_01a", "cas_test_01b", "cas_test_01c"]
    assert list(tables["casualties"].columns[:4]) == ["casualty_id", "claim_id", "event_id", "outcome"]


def test_only_reviewed_claims_are_compiled(tiny_dataset):
    def propose_only(data):
        data["claims"][1]["review"] = {"status": "proposed"}
        data["claims"][2]["review"] = {"status": "rejected", "reason": "not a claim"}

    edit_records(tiny_dataset, propose_only)
    raw, problems = compile_tables(read_dataset(tiny_dataset))
    assert problems == []
    assert list(raw["claims"]["claim_id"]) == ["clm_test_01"]
    assert raw["airstrikes"].empty and raw["control_changes"].empty


def test_vague_word_takes_its_convention():
    conventions = {"several": (3, None, 9)}
    b, error = bounds(CountSpec(qualifier="vague", word="Several"), conventions)
    assert (b.low, b.best, b.high, b.qualifier, b.vague_word, error) == (3, None, 9, "vague", "several", None)


def test_qualifiers_set_bounds():
    cases = {
        "exact": (10, 10, 10),
        "at_least": (10, 10, None),
        "at_most": (None, 10, 10),
        "approximately": (None, 10, None),
    }
    for qualifier, expected in cases.items():
        b, _ = bounds(CountSpec(value=10, qualifier=qualifier), {})
        assert (b.low, b.best, b.high) == expected, qualifier


def test_explicit_bounds_override_the_qualifier():
    b, _ = bounds(CountSpec(value=10, qualifier="at_least", high=20, note="the text says 10 to 20"), {})
    assert (b.low, b.best, b.high) == (10, 10, 20)


def test_unknown_vague_word_is_reported():
    b, error = bounds(CountSpec(qualifier="vague", word="oodles"), {})
    assert error == "vague word 'oodles' has no row in reference/vague_quantities.csv"
