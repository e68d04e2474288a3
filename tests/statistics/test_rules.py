"""Each reconciliation rule on a dataset written for it (tests/statistics/scenario.py)."""

from __future__ import annotations

import yaml
from scenario import EVENT, accusation, add_report, cid, claim, dataset, event, killed, tallies
from scenario import tables as prepare_tables

RULE = "tollbook-reconcile-3"


def test_two_outlets_disagree_low_smallest_high_largest_best_lower_median(tmp_path):
    ds = dataset(tmp_path)
    add_report(ds, 1, "act_outlet_a", "2015-04-25", [
        claim(1, "30 soldiers were killed.", "act_outlet_a", "2015-04-20", "2015-04-24",
              casualties=[killed("a1", 30, "act_army")])])
    add_report(ds, 2, "act_outlet_b", "2015-04-25", [
        claim(1, "At least 40 soldiers were killed.", "act_outlet_b", "2015-04-20", "2015-04-24",
              casualties=[killed("b1", 40, "act_army", "at_least")])])
    t = prepare_tables(ds)
    assert event(t) == {
        "deaths_a": 30, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": 0,
        "low": 30, "best": 30, "high": 40, "airstrikes_low": None, "airstrikes_best": None,
        "airstrikes_high": None, "children_low": None, "children_best": None, "children_high": None,
        "women_low": None, "women_best": None, "women_high": None,
        "number_of_claims": 2, "number_of_sources": 2, "number_of_documents": 2,
        "number_of_partisan_claims": 0, "vague_words": [], "reconciliation": RULE,
        "corroboration": "fair",
    }
    assert tallies(t, "claimant_tallies") == [["deaths", "a", "act_outlet_a", 30, 30, 30],
                                              ["deaths", "a", "act_outlet_b", 40, 40, 40]]


def test_three_outlets_best_is_the_median(tmp_path):
    ds = dataset(tmp_path)
    for number, (outlet, value) in enumerate([("act_outlet_a", 30), ("act_outlet_b", 100),
                                              ("act_outlet_c", 40)], start=1):
        add_report(ds, number, outlet, "2015-04-25", [
            claim(1, f"{value} soldiers were killed.", outlet, "2015-04-20", "2015-04-24",
                  casualties=[killed(f"x{number}", value, "act_army")])])
    t = prepare_tables(ds)
    assert tallies(t) == [["deaths", "a", 30, 40, 100]]
    assert (event(t)["best"], event(t)["number_of_sources"]) == (40, 3)


def test_republished_copy_counts_once(tmp_path):
    ds = dataset(tmp_path)
    quote = "25 people were killed, the wire said."
    original = add_report(ds, 1, "act_outlet_a", "2015-04-24", [
        claim(1, quote, "act_wire", "2015-04-20", "2015-04-24", casualties=[killed("o1", 25, None)])],
        story="sty_wire_story")
    add_report(ds, 2, "act_outlet_b", "2015-04-25", [{"n": 1, "quote": quote, "duplicate_of": cid(1, 1)}],
               story="sty_wire_story", original=original)
    t = prepare_tables(ds)
    got = event(t)
    assert [got[k] for k in ("deaths_unknown", "low", "best", "high")] == [25, 25, 25, 25]
    assert [got[k] for k in ("number_of_claims", "number_of_sources", "number_of_documents")] == [1, 1, 2]
    assert t["event_tallies"]["claim_ids"].map(list).tolist() == [[cid(1, 1)]]


def test_same_story_carried_twice_with_its_figures_is_not_summed(tmp_path):
    """Two outlets carry one wire story, each record holding the figure (no duplicate_of): one
    story, and one claimant's equal windows, so one figure."""
    ds = dataset(tmp_path)
    for number, outlet in ((1, "act_outlet_a"), (2, "act_outlet_b")):
        add_report(ds, number, outlet, "2015-04-25", [
            claim(1, "25 people were killed, the wire said.", "act_wire", "2015-04-20", "2015-04-24",
                  casualties=[killed(f"s{number}", 25, None)])], story="sty_wire_story")
    t = prepare_tables(ds)
    got = event(t)
    assert [got[k] for k in ("low", "best", "high", "number_of_claims", "number_of_sources")] == [25, 25, 25, 2, 1]
    row = t["claimant_tallies"].iloc[0]
    assert (list(row["claim_ids"]), list(row["superseded_claim_ids"])) == ([cid(2, 1)], [cid(1, 1)])


def test_running_total_supersedes_the_days_figure_and_disjoint_days_add_up(tmp_path):
    ds = dataset(tmp_path)
    add_report(ds, 1, "act_outlet_a", "2015-04-20", [
        claim(1, "On Monday, 40 people were killed, the Monitor said.", "act_monitor", "2015-04-20", "2015-04-20",
              casualties=[killed("r1", 40, None)])])
    add_report(ds, 2, "act_outlet_a", "2015-04-22", [
        claim(1, "Since Monday, 73 people have been killed, the Monitor said.", "act_monitor", "2015-04-20",
              "2015-04-22", casualties=[killed("r2", 73, None)])])
    add_report(ds, 3, "act_outlet_b", "2015-04-24", [
        claim(1, "On Thursday, 4 people were killed, the Monitor said.", "act_monitor", "2015-04-23", "2015-04-23",
              casualties=[killed("r3", 4, None)])])
    t = prepare_tables(ds)
    got = event(t)
    assert [got[k] for k in ("deaths_unknown", "low", "best", "high")] == [77, 77, 77, 77]
    assert [got[k] for k in ("number_of_claims", "number_of_sources")] == [3, 3]
    row = t["claimant_tallies"].iloc[0]
    assert list(row["claim_ids"]) == [cid(2, 1), cid(3, 1)]
    assert list(row["superseded_claim_ids"]) == [cid(1, 1)]


def test_nested_figure_is_never_added_and_only_deaths_count(tmp_path):
    """The tiny dataset's own report: 12 soldiers and 20 rebels - including 5 foreign fighters."""
    ds = dataset(tmp_path, side_a="act_army", side_b="act_rebels")
    path = ds / "records" / "000_aaaabbbbccccdddd.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["claims"][0]["event"] = EVENT
    data["claims"][0]["casualties"].append(
        {"casualty_id": "cas_test_01d", "outcome": "injured", "party": "act_army", "count": {"value": 12,
                                                                                            "qualifier": "exact"}})
    data["claims"][1]["event"] = EVENT
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    t = prepare_tables(ds)
    assert event(t) == {
        "deaths_a": 12, "deaths_b": 20, "deaths_civilians": 0, "deaths_unknown": 0,
        "low": 32, "best": 32, "high": 32, "airstrikes_low": 7, "airstrikes_best": 7, "airstrikes_high": 7,
        "children_low": None, "children_best": None, "children_high": None,
        "women_low": None, "women_best": None, "women_high": None,
        "number_of_claims": 2, "number_of_sources": 1, "number_of_documents": 1,
        "number_of_partisan_claims": 0, "vague_words": [], "reconciliation": RULE,
        "corroboration": "weak",
    }
    assert tallies(t) == [["airstrikes", "a", 7, 7, 7], ["deaths", "a", 12, 12, 12], ["deaths", "b", 20, 20, 20]]


def test_partisan_accusation_stays_out_of_low_and_best(tmp_path):
    ds = dataset(tmp_path)
    accusation(ds)
    add_report(ds, 2, "act_outlet_b", "2015-04-25", [
        claim(1, "Six prisoners were killed, the Monitor said.", "act_monitor", "2015-04-21", "2015-04-21",
              casualties=[killed("p2", 6, None)])])
    t = prepare_tables(ds)
    claims = t["claims"].set_index("claim_id")
    assert claims.loc[cid(1, 1), ["partisan", "partisan_basis"]].tolist() == [True, "derived"]
    assert claims.loc[cid(2, 1), ["partisan", "partisan_basis"]].tolist() == [False, "derived"]
    got = event(t)
    assert [got[k] for k in ("deaths_unknown", "low", "best", "high")] == [6, 6, 6, 15]
    assert [got[k] for k in ("number_of_claims", "number_of_sources", "number_of_partisan_claims")] == [2, 2, 1]


def test_partisan_alone_gives_zero_low_and_best(tmp_path):
    ds = dataset(tmp_path)
    accusation(ds)
    got = event(prepare_tables(ds))
    assert [got[k] for k in ("deaths_unknown", "low", "best", "high", "number_of_partisan_claims")] == [0, 0, 0, 15, 1]


def test_membership_outside_the_event_dates_makes_no_party(tmp_path):
    ds = dataset(tmp_path, memberships=["act_group,act_coalition,2015-05-01,,joined after the battle"])
    accusation(ds)
    t = prepare_tables(ds)
    assert t["claims"].set_index("claim_id").loc[cid(1, 1), "partisan"] == False  # noqa: E712
    assert [event(t)[k] for k in ("low", "best", "high")] == [15, 15, 15]


def test_curator_override_beats_the_rule(tmp_path):
    ds = dataset(tmp_path)
    accusation(ds, partisan=False, note="The group's figure is confirmed by the Red Crescent (test).")
    t = prepare_tables(ds)
    assert t["claims"].set_index("claim_id").loc[cid(1, 1), ["partisan", "partisan_basis"]].tolist() == [
        False, "curator"]
    assert [event(t)[k] for k in ("low", "best", "high", "number_of_partisan_claims")] == [15, 15, 15, 0]


def test_vague_word_uses_its_convention_and_is_recorded(tmp_path):
    ds = dataset(tmp_path)
    add_report(ds, 1, "act_outlet_a", "2015-04-25", [
        claim(1, "Several civilians were killed, the Monitor said.", "act_monitor", "2015-04-22", "2015-04-22",
              casualties=[killed("v1", "several", "act_civilians", "vague")])])
    t = prepare_tables(ds)
    got = event(t)
    assert [got[k] for k in ("deaths_civilians", "low", "best", "high")] == [3, 3, 3, 9]
    assert [got[k] for k in ("number_of_claims", "number_of_sources")] == [1, 1]
    assert got["vague_words"] == ["several"]
    assert t["casualties"].set_index("casualty_id").loc["cas_v1", "vague_word"] == "several"
    assert t["event_tallies"]["vague_words"].map(list).tolist() == [["several"]]


def test_tallied_figures_say_what_the_rule_did_with_each_figure(tmp_path):
    """A running total supersedes the day's figure; a nested figure of deaths counts as children."""
    ds = dataset(tmp_path)
    add_report(ds, 1, "act_outlet_a", "2015-04-20", [
        claim(1, "On Monday, 40 people were killed, the Monitor said.", "act_monitor", "2015-04-20", "2015-04-20",
              casualties=[killed("t1", 40, None)])])
    add_report(ds, 2, "act_outlet_a", "2015-04-22", [
        claim(1, "Since Monday, 73 people have been killed, including 9 children, the Monitor said.", "act_monitor",
              "2015-04-20", "2015-04-22", casualties=[killed("t2", 73, None),
                                                      killed("t3", 9, None, part_of="cas_t2", age_group="child")])])
    t = prepare_tables(ds)
    rows = t["tallied_figures"][["figure_id", "measure", "side", "tally_status", "superseded_by", "best"]]
    assert rows.astype(object).where(rows.notna(), None).values.tolist() == [
        ["cas_t1", "deaths", "unknown", "superseded", cid(2, 1), 40],
        ["cas_t2", "deaths", "unknown", "counted", None, 73],
        ["cas_t3", "children", "unknown", "counted", None, 9],
        ["cas_t3", "deaths", "unknown", "nested", None, 9],
    ]
    assert [event(t)[k] for k in ("best", "children_best", "women_best")] == [73, 9, None]


def test_an_unknown_side_holds_only_what_exceeds_the_sides_that_are_said():
    """"87 civilians" (one claimant) beside "86 people" and "100 people" (two others): the people
    are the same dead, so the unknown side adds only what the totals hold beyond 87."""
    import pandas as pd

    from tollbook.derive.reconcile import event_tallies

    def row(claimant, side, best, high=None, partisan=False):
        return {"event_id": "evt_x", "measure": "deaths", "side": side, "claimant_id": claimant, "party_id": None,
                "low": best, "best": best, "high": high if high is not None else best, "partisan": partisan,
                "claim_ids": [f"clm_{claimant}"], "superseded_claim_ids": [], "stories": [f"sty_{claimant}"],
                "vague_words": []}

    claimants = pd.DataFrame([row("a", "civilians", 87), row("b", "unknown", 86), row("c", "unknown", 100),
                              row("d", "unknown", 300, partisan=True)])
    got = event_tallies(claimants).set_index("side")[["low", "best", "high"]].to_dict("index")
    # totals: a 87, b 86, c 100 (non-partisan; lower median 87, smallest 86), d 300 (partisan, high only)
    assert got == {"civilians": {"low": 87, "best": 87, "high": 87},
                   "unknown": {"low": 0, "best": 0, "high": 213}}
    more = pd.DataFrame([row("a", "civilians", 20), row("b", "unknown", 86), row("c", "unknown", 100)])
    got = event_tallies(more).set_index("side")[["low", "best", "high"]].to_dict("index")
    assert got["unknown"] == {"low": 0, "best": 66, "high": 80}  # lower median of 20, 86, 100 is 86; 86 - 20
